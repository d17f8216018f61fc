using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>/config and /config/{subject} (a subject, ":.ctx:", ":.:" = global, ":.__GLOBAL:"); never alias-rewritten.</summary>
internal sealed class ConfigEndpoints(RegistryStore store)
{
    public IEnumerable<RouteDefinition> Routes() =>
    [
        RouteDefinition.Get("/config", r => RegistryResponse.Ok(store.Read(c => new ConfigCommands(c).Get(string.Empty, r.Flag("defaultToGlobal"))))),
        RouteDefinition.Put("/config", r => RegistryResponse.Ok(store.Write(c => new ConfigCommands(c).Put(string.Empty, r.BodyObject())))),
        RouteDefinition.Delete("/config", _ => RegistryResponse.Ok(store.Write(c => new ConfigCommands(c).Delete(string.Empty)))),
        RouteDefinition.Get("/config/{subject}", r => RegistryResponse.Ok(store.Read(c =>
            new ConfigCommands(c).Get(SubjectPath.Plain(r.Route("subject")), r.Flag("defaultToGlobal"))))),
        RouteDefinition.Put("/config/{subject}", r => RegistryResponse.Ok(store.Write(c =>
            new ConfigCommands(c).Put(SubjectPath.Plain(r.Route("subject")), r.BodyObject())))),
        RouteDefinition.Delete("/config/{subject}", r => RegistryResponse.Ok(store.Write(c =>
            new ConfigCommands(c).Delete(SubjectPath.Plain(r.Route("subject")))))),
    ];
}
