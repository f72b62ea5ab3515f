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
        o.Conventions.ConfigureFilter(new Floke.Web.Infrastructure.Web.ReversedPeriod.OnPages());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Floke.Web.Resources.SharedResource)));
services.AddAntiforgery(o =>
{
    o.Cookie.Name = "floke.af";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default); // reflection stays behind it for anything else
});
services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiResults.LocalizeTitle);
services.AddExceptionHandler<BadJsonHandler>();
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiCompletion>().AddSchemaTransformer<OpenApiCompletion>());
services.AddHealthChecks().AddDbContextCheck<FlokeDbContext>();

var app = builder.Build();
var built = started.Elapsed;

async Task MigrateAsync()
{
    await using var scope = app.Services.CreateAsyncScope();
    await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<FlokeDbContext>());
}
if (AdminCommand.Handles(args) || SeedCommand.Handles(args) || SearchCommand.Handles(args))
{
    await MigrateAsync();
    return AdminCommand.Handles(args) ? await AdminCommand.RunAsync(app.Services, args, Console.Out)
        : SeedCommand.Handles(args) ? await SeedCommand.RunAsync(app.Services, args, Console.Out)
        : await SearchCommand.RunAsync(app.Services, args, Console.Out);
}
// The database is made ready on another thread while this one builds the endpoints: on two cores the two take ~0.8 s
// and ~0.9 s of a cold start, one after the other before (bench README). Nothing is served until both are done.
TimeSpan migrated = default, indexed = default;
var databaseReady = Task.Run(async () =>
{
    await MigrateAsync();
    migrated = started.Elapsed;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await SearchModule.EnsureIndexedAsync(scope.ServiceProvider.GetRequiredService<FlokeDbContext>(), SearchMatchStore.KeepFrom(app.Configuration));
    }
    indexed = started.Elapsed;
    await AdminCommand.EnsureConfiguredAdminAsync(app.Services, app.Configuration, app.Logger);
    if (app.Configuration.GetValue("Floke:Demo", true))
    {
        await DemoData.SeedIfEmptyAsync(app.Services);
    }
});

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
// Every endpoint built once here, beside the database's work: each API endpoint learns its JSON bodies' shapes (ApiJson) and
// each page its handlers as they are built, and the first build of each kind is most of the time. The server builds them
// again as it starts, then from what this one has loaded and compiled.
using (var warm = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources))
{
    _ = warm.Endpoints;
}
var endpoints = started.Elapsed;
await databaseReady;
// From Main: the runtime's own start (~0.2 s) comes before, Kestrel's start and the first request's warm-up after.
app.Logger.LogInformation("Ready to listen {Ready} ms after start: services built at {Built} ms, endpoints at {Endpoints}; on the other thread database checked at {Migrated}, search index at {Indexed}; {Jitted} methods compiled in {Jit} ms",
    (int)started.ElapsedMilliseconds, (int)built.TotalMilliseconds, (int)endpoints.TotalMilliseconds, (int)migrated.TotalMilliseconds, (int)indexed.TotalMilliseconds,
    System.Runtime.JitInfo.GetCompiledMethodCount(), (int)System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);
await app.RunAsync();
return 0;
