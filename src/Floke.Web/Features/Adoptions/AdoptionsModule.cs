using FluentValidation;

namespace Floke.Web.Features.Adoptions;

/// <summary>The spread of solutions (spredning): adoptions by other organisations. Pages live beside it (Create, Details, Spread).</summary>
public static class AdoptionsModule
{
    public static IServiceCollection AddAdoptions(this IServiceCollection services) => services
        .AddScoped<AdoptionCommands>()
        .AddScoped<AdoptionQueries>()
        .AddSingleton<IValidator<AdoptionInput>, AdoptionInputValidator>();

    public static IEndpointRouteBuilder MapAdoptions(this IEndpointRouteBuilder app)
    {
        app.MapAdoptionsApi();
        return app;
    }
}
