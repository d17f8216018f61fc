using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>/mode and /mode/{subject} with the same scope keys as config; never alias-rewritten.</summary>
internal sealed class ModeEndpoints(RegistryStore store)
{
    public IEnumerable<RouteDefinition> Routes() =>
    [
        RouteDefinition.Get("/mode", r => RegistryResponse.Ok(store.Read(c => new ModeCommands(c).Get(string.Empty, r.Flag("defaultToGlobal"))))),
        RouteDefinition.Put("/mode", r => RegistryResponse.Ok(store.Write(c => new ModeCommands(c).Put(string.Empty, r.BodyObject(), r.Flag("force"))))),
        RouteDefinition.Delete("/mode", r => RegistryResponse.Ok(store.Write(c => new ModeCommands(c).Delete(string.Empty, r.Flag("recursive"))))),
        RouteDefinition.Get("/mode/{subject}", r => RegistryResponse.Ok(store.Read(c =>
            new ModeCommands(c).Get(SubjectPath.Plain(r.Route("subject")), r.Flag("defaultToGlobal"))))),
        RouteDefinition.Put("/mode/{subject}", r => RegistryResponse.Ok(store.Write(c =>
            new ModeCommands(c).Put(SubjectPath.Plain(r.Route("subject")), r.BodyObject(), r.Flag("force"))))),
        RouteDefinition.Delete("/mode/{subject}", r => RegistryResponse.Ok(store.Write(c =>
            new ModeCommands(c).Delete(SubjectPath.Plain(r.Route("subject")), r.Flag("recursive"))))),
    ];
}
