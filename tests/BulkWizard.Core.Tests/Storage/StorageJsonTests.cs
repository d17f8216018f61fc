using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Tests.Storage;

public sealed class StorageJsonTests
{
    private sealed record Sample(string PlanId, QualifiedSubject Subject, JsonObject Body, DeletedFilter Filter);

    [Fact]
    public void Serialize_Record_SnakeCaseNamesInDeclarationOrder()
    {
        var json = JsonSerializer.Serialize(new Sample("p1", QualifiedSubject.Parse(":.ctx:a"), [], DeletedFilter.IncludeDeleted), StorageJson.Compact);

        Assert.Equal("""{"plan_id":"p1","subject":":.ctx:a","body":{},"filter":"include_deleted"}""", json);
    }

    [Fact]
    public void Serialize_JsonObjectMembers_KeptExactlyAsTheyAre()
    {
        const string body = """{"zKey":{"confluent:version":"1","camelCase":[1.50,"<a&b>"]},"aKey":null}""";

        var json = JsonSerializer.Serialize(new Sample("p", QualifiedSubject.InDefaultContext("s"), JsonNode.Parse(body)!.AsObject(), DeletedFilter.LiveOnly), StorageJson.Compact);
        var back = JsonSerializer.Deserialize<Sample>(json, StorageJson.Compact)!;

        Assert.Contains(body, json, StringComparison.Ordinal);
        Assert.Equal(body, back.Body.ToJsonString(StorageJson.Compact));
    }

    [Fact]
    public void Deserialize_QualifiedSubjects_RoundTrip()
    {
        foreach (var subject in new[] { QualifiedSubject.InDefaultContext("orders-value"), QualifiedSubject.Parse(":.staging:orders-value"), QualifiedSubject.ContextOnly(".ctx") })
        {
            var json = JsonSerializer.Serialize(subject, StorageJson.Options);

            Assert.Equal(subject, JsonSerializer.Deserialize<QualifiedSubject>(json, StorageJson.Options));
        }
    }
}
