using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Core.Demo;
using Floke.Web.Core.NationalData;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Insights;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Features.OpenData;
using Floke.Web.Features.Search;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Floke.Web.Infrastructure.Bench;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Infrastructure.Localization;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

NativeHeap.LimitArenas(); // before the threads that would each make an arena of their own
// How long each step of a start takes, logged when the app is ready to listen (cold start is a target; bench README).
var started = System.Diagnostics.Stopwatch.StartNew();
var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddFlokeDatabase(builder.Configuration, builder.Environment);
services.AddHttpContextAccessor();
services.AddSingleton(TimeProvider.System);
services.AddHostedService<NativeHeapTrimmer>();
services.AddDataProtection().SetApplicationName("Floke").PersistKeysToDbContext<FlokeDbContext>();
services.AddFlokeLocalization();
// Norwegian letters (æ, ø, å) as themselves in the HTML, not as numeric entities.
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddAccounts();
services.AddAuthorization();
services.AddScoped<AuditQueries>();
services.AddScoped<VersionedSave>();
services.AddOrganizations();
services.AddNeeds();
services.AddInitiatives();
services.AddExperiments();
services.AddBarriers();
services.AddBenefits();
services.AddAdoptions();
services.AddOpenCalls();
services.AddSearch();
services.AddInsights();
services.AddOpenData(builder.Configuration);
services.AddRazorPages(o =>
    {
        o.RootDirectory = "/";
        o.Conventions.ConfigureFilter(new Floke.Web.Infrastructure.Web.UnreadQueryValues());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Floke.Web.Resources.SharedResource)));
services.AddAntiforgery(o =>
{
    o.Cookie.Name = "floke.af";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiResults.LocalizeTitle);
services.AddExceptionHandler<BadJsonHandler>();
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiCompletion>().AddSchemaTransformer<OpenApiCompletion>());
services.AddHealthChecks().AddDbContextCheck<FlokeDbContext>();

var app = builder.Build();
var built = started.Elapsed;

await using (var scope = app.Services.CreateAsyncScope())
{
    await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<FlokeDbContext>());
}
var migrated = started.Elapsed;
if (AdminCommand.Handles(args))
{
    return await AdminCommand.RunAsync(app.Services, args, Console.Out);
}
if (SeedCommand.Handles(args))
{
    return await SeedCommand.RunAsync(app.Services, args, Console.Out);
}
if (SearchCommand.Handles(args))
{
    return await SearchCommand.RunAsync(app.Services, args, Console.Out);
}
await using (var scope = app.Services.CreateAsyncScope())
{
    await SearchModule.EnsureIndexedAsync(scope.ServiceProvider.GetRequiredService<FlokeDbContext>(), SearchMatchStore.KeepFrom(app.Configuration));
}
var indexed = started.Elapsed;
await AdminCommand.EnsureConfiguredAdminAsync(app.Services, app.Configuration, app.Logger);
if (app.Configuration.GetValue("Floke:Demo", true))
{
    await DemoData.SeedIfEmptyAsync(app.Services);
}

if (app.Configuration.GetValue("Floke:BehindProxy", false))
{
    // Behind a load balancer that terminates TLS: trust its X-Forwarded-Proto/For, so cookies are Secure and HSTS applies.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}
// The API answers every error, unreadable bodies included, as problem details; pages show a readable error page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
if (!app.Environment.IsDevelopment())
{
    app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/error"));
    app.UseHsts();
}
// The API answers errors as problem details; pages re-render a readable error page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<UnreadQueryProblems>());
app.UseRouting();
app.UseAuthentication();
app.UseMustChangePasswordGate();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o.WithTitle("Floke API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapGroup("/api/v1/account").WithTags("Account").MapIdentityApi<User>();
app.MapOrganizations();
app.MapNeeds();
app.MapInitiatives();
app.MapExperiments();
app.MapBarriers();
app.MapBenefits();
app.MapAdoptions();
app.MapOpenCalls();
app.MapSearch();
app.MapInsights();
app.MapOpenData();
app.MapLanguageSwitch();
app.MapBenchCeiling(app.Configuration);
app.MapRazorPages();

HeapLimit.Apply(app.Configuration, app.Logger);
// From Main: the runtime's own start (~0.2 s) comes before, Kestrel's start and the first request's warm-up after.
app.Logger.LogInformation("Ready to listen {Ready} ms after start: services built at {Built} ms, database checked at {Migrated}, search index at {Indexed}",
    (int)started.ElapsedMilliseconds, (int)built.TotalMilliseconds, (int)migrated.TotalMilliseconds, (int)indexed.TotalMilliseconds);
await app.RunAsync();
return 0;
