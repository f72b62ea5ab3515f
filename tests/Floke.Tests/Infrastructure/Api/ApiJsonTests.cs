using System.Net.Http.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.Infrastructure.Api;

/// <summary>The API's JSON shapes written at compile time (<see cref="ApiJson"/>): every body an endpoint reads or writes
/// is there, so no endpoint learns its shapes by reflection while the app starts; and what the API writes through them
/// is what its clients read (names in camelCase, enums by name).</summary>
[Collection("app")]
public class ApiJsonTests(Apps apps)
{
    /// <summary>Bodies the framework writes with shapes of its own.</summary>
    private static readonly Type[] Framework = [typeof(void), typeof(IFormFile), typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), typeof(HttpValidationProblemDetails)];

    [Fact]
    public void EveryBodyTheApiReadsOrWrites_HasItsShapeWrittenAtCompileTime()
    {
        var endpoints = apps["sqlite"].Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var bodies = endpoints.SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.Type)
                .Concat(e.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType)))
            .OfType<Type>().Distinct().Where(t => !Framework.Contains(t)).ToList();
        Assert.True(bodies.Count > 50, $"only {bodies.Count} bodies found: are the endpoints' metadata read?");
        var missing = bodies.Where(t => ApiJson.Default.GetTypeInfo(t) is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Add to ApiJson: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task ABodyWrittenThroughTheCompiledShapes_ReadsAsTheApiDescribesIt()
    {
        var app = apps["sqlite"];
        var user = await Clients.NewApiUserAsync(app, "json");
        var org = await user.CreateOrganizationAsync();
        var created = await user.Http.PostAsJsonAsync("/api/v1/needs", TestData.Need(org, "Behov skrevet som JSON"));
        var need = await created.ReadJsonAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Behov skrevet som JSON", need.GetProperty("title").GetString());
        Assert.Equal("Draft", need.GetProperty("status").GetString());
        Assert.Equal(["Health", "Welfare"], need.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(org, need.GetProperty("owners")[0].GetProperty("organizationId").GetInt32());
    }
}
