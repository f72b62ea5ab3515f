using FluentValidation;

namespace Floke.Web.Core.Organizations;

/// <summary>Organisations and memberships: part of the core every capability builds on.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services) => services
        .AddSingleton(_ => Geography.Geography.Load())
        .AddScoped<OrganizationCommands>()
        .AddScoped<OrganizationQueries>()
        .AddScoped<MembershipCommands>()
        .AddSingleton<IValidator<OrganizationInput>, OrganizationInputValidator>();

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        app.MapOrganizationsApi();
        return app;
    }
}
