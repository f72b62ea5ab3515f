using FluentValidation;

namespace Floke.Web.Features.Experiments;

/// <summary>The Experiments capability (forsøk), inside initiatives. Pages live beside it (Index, Details, Create, Edit, Conclude, History).</summary>
public static class ExperimentsModule
{
    public static IServiceCollection AddExperiments(this IServiceCollection services) => services
        .AddScoped<ExperimentCommands>()
        .AddScoped<ExperimentQueries>()
        .AddSingleton<IValidator<ExperimentInput>, ExperimentInputValidator>();

    public static IEndpointRouteBuilder MapExperiments(this IEndpointRouteBuilder app)
    {
        app.MapExperimentsApi();
        return app;
    }
}
