using FluentValidation;

namespace Floke.Web.Features.Barriers;

/// <summary>The regulatory-barrier register (regelverkshindre). Pages live beside it (Index = the register, Details, Report).</summary>
public static class BarriersModule
{
    public static IServiceCollection AddBarriers(this IServiceCollection services) => services
        .AddScoped<BarrierCommands>()
        .AddScoped<BarrierQueries>()
        .AddSingleton<IValidator<BarrierInput>, BarrierInputValidator>()
        .AddSingleton<IValidator<StepInput>, StepInputValidator>();

    public static IEndpointRouteBuilder MapBarriers(this IEndpointRouteBuilder app)
    {
        app.MapBarriersApi();
        return app;
    }
}
