using System.Net.Http.Headers;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Errors;

/// <summary>Framework errors carry the HTTP status as error_code: unknown route, wrong method, bad JSON, bad media type.</summary>
public sealed class FrameworkErrorTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error404_UnknownRoute(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);

        var response = await client.GetAsync("no/such/route");
        var badId = await client.GetAsync("schemas/ids/not-a-number");

        Assert.Equal((404, 404), (response.Code, response.ErrorCode!.Value));
        Assert.Equal((404, 404), (badId.Code, badId.ErrorCode!.Value));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error405_KnownRouteWrongMethod(SandboxProfile profile)
    {
        var response = await sandboxes.Client(profile).SendAsync(HttpMethod.Patch, "subjects", "{}");

        Assert.Equal((405, 405), (response.Code, response.ErrorCode!.Value));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error400_MalformedJson(SandboxProfile profile)
    {
        var subject = Some.Subject("e400");

        var response = await sandboxes.Client(profile).SendAsync(HttpMethod.Post, $"subjects/{subject}/versions", "{\"schema\": ");

        Assert.Equal((400, 400), (response.Code, response.ErrorCode!.Value));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error415_UnsupportedMediaType(SandboxProfile profile)
    {
        var subject = Some.Subject("e415");

        var response = await sandboxes.Client(profile).SendAsync(HttpMethod.Post, $"subjects/{subject}/versions", "{}", "text/plain");

        Assert.Equal((415, 415), (response.Code, response.ErrorCode!.Value));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task MediaTypes_AllRequestTypesAccepted_ResponsePrefersSchemaRegistryV1(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        foreach (var mediaType in new[] { "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json", "application/octet-stream" })
        {
            var response = await client.SendAsync(HttpMethod.Post, $"subjects/{Some.Subject("media")}/versions",
                $$"""{"schema":"{\"type\":\"string\"}"}""", mediaType);
            Assert.Equal(200, response.Code);
            Assert.Equal(RegistryClient.MediaType, response.ContentType);
        }

        Assert.NotNull(MediaTypeHeaderValue.Parse(RegistryClient.MediaType));
    }
}
