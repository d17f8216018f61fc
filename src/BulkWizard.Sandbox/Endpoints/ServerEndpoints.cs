using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>GET / ({}), GET /v1/metadata/version and /v1/metadata/id.</summary>
internal sealed class ServerEndpoints(SandboxProfile profile)
{
    public IEnumerable<RouteDefinition> Routes() =>
    [
        RouteDefinition.Get("/", _ => RegistryResponse.Ok(new JsonObject())),
        RouteDefinition.Get("/v1/metadata/version", _ => RegistryResponse.Ok(new JsonObject
        {
            ["version"] = SandboxVersions.Reported(profile),
            ["commitId"] = SandboxVersions.CommitId,
        })),
        RouteDefinition.Get("/v1/metadata/id", _ => RegistryResponse.Ok(new JsonObject
        {
            ["scope"] = new JsonObject
            {
                ["path"] = new JsonArray(),
                ["clusters"] = new JsonObject
                {
                    ["kafka-cluster"] = "sandbox-kafka-cluster",
                    ["schema-registry-cluster"] = "schema-registry",
                },
            },
        })),
    ];
}
