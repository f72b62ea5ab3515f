using FluentValidation;

namespace Floke.Web.Features.Initiatives;

/// <summary>The Initiatives capability: the innovation work, its partners, gate decisions and lessons.
/// Pages live beside it (Index, Details, Create, Edit, Gate, Lessons, History).</summary>
public static class InitiativesModule
{
    public static IServiceCollection AddInitiatives(this IServiceCollection services) => services
        .AddScoped<InitiativeCommands>()
        .AddScoped<InitiativeQueries>()
        .AddSingleton<IValidator<InitiativeInput>, InitiativeInputValidator>()
        .AddSingleton<IValidator<GateInput>, GateInputValidator>()
        .AddSingleton<IValidator<LessonInput>, LessonInputValidator>()
        .AddSingleton<IValidator<MilestoneInput>, MilestoneInputValidator>();

    public static IEndpointRouteBuilder MapInitiatives(this IEndpointRouteBuilder app)
    {
        app.MapInitiativesApi();
        return app;
    }
}
