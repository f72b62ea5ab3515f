using FluentValidation;

namespace Floke.Web.Features.Needs;

/// <summary>The Needs capability: what it registers and maps. Pages live beside it (Index, Details, Create, Edit, History).</summary>
public static class NeedsModule
{
    public static IServiceCollection AddNeeds(this IServiceCollection services) => services
        .AddScoped<NeedCommands>()
        .AddScoped<NeedQueries>()
        .AddSingleton<IValidator<NeedInput>, NeedInputValidator>();

    public static IEndpointRouteBuilder MapNeeds(this IEndpointRouteBuilder app)
    {
        app.MapNeedsApi();
        return app;
    }
}
