using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>GET /contexts; DELETE /contexts/{context} only from 8.0.1 on (7.6 has no such route: 404).</summary>
internal sealed class ContextEndpoints(RegistryStore store)
{
    public IEnumerable<RouteDefinition> Routes()
    {
        yield return RouteDefinition.Get("/contexts", r => RegistryResponse.Ok(JsonValues.Array(store.Read(c =>
            new ContextCommands(c).List(r.Param("contextPrefix"), r.Int("offset", 0), r.Int("limit", -1))))));
        if (store.Profile != SandboxProfile.Platform76)
        {
            yield return RouteDefinition.Delete("/contexts/{context}", r => store.Write(c =>
            {
                new ContextCommands(c).Delete(r.Route("context"));
                return RegistryResponse.NoContent;
            }));
        }
    }
}
