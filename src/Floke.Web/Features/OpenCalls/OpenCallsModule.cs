using FluentValidation;

namespace Floke.Web.Features.OpenCalls;

/// <summary>The Open calls capability (measure 8): public bodies invite solutions to a need, organisations answer with
/// proposals, a jury scores them on weighted criteria and a leader awards one. Pages live beside it (Index, Details, Create,
/// Edit, Evaluation, History; Proposals/…).</summary>
public static class OpenCallsModule
{
    public static IServiceCollection AddOpenCalls(this IServiceCollection services) => services
        .AddScoped<OpenCallCommands>()
        .AddScoped<ProposalCommands>()
        .AddScoped<OpenCallQueries>()
        .AddSingleton<IValidator<OpenCallInput>, OpenCallInputValidator>()
        .AddSingleton<IValidator<ProposalInput>, ProposalInputValidator>();

    public static IEndpointRouteBuilder MapOpenCalls(this IEndpointRouteBuilder app)
    {
        app.MapOpenCallsApi();
        return app;
    }
}
