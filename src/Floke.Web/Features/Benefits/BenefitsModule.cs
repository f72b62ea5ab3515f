using FluentValidation;

namespace Floke.Web.Features.Benefits;

/// <summary>Benefit realisation (gevinstrealisering): benefits and measurements, investments, and who invests, who gains.
/// Pages live beside it (Initiative = the benefit map, Details, Create, Edit, History, Flows).</summary>
public static class BenefitsModule
{
    public static IServiceCollection AddBenefits(this IServiceCollection services) => services
        .AddScoped<BenefitCommands>()
        .AddScoped<InvestmentCommands>()
        .AddScoped<BenefitQueries>()
        .AddScoped<FlowQueries>()
        .AddSingleton<IValidator<BenefitInput>, BenefitInputValidator>()
        .AddSingleton<IValidator<MeasurementInput>, MeasurementInputValidator>()
        .AddSingleton<IValidator<InvestmentInput>, InvestmentInputValidator>();

    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        app.MapBenefitsApi();
        return app;
    }
}
