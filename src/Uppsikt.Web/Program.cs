using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Uppsikt.Web.Data;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Features.AnnualReports;
using Uppsikt.Web.Features.Commissions;
using Uppsikt.Web.Features.Conditions;
using Uppsikt.Web.Features.Cycle;
using Uppsikt.Web.Features.Dashboards;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Features.Plans;
using Uppsikt.Web.Features.Portal;
using Uppsikt.Web.Features.Public;
using Uppsikt.Web.Features.QualityBonus;
using Uppsikt.Web.Features.QualityReports;
using Uppsikt.Web.Features.Register;
using Uppsikt.Web.Features.Reviews;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Features.Reviews.Intervals;
using Uppsikt.Web.Features.Reviews.Portal;
using Uppsikt.Web.Features.Reviews.Reported;
using Uppsikt.Web.Features.Reviews.Visit;
using Uppsikt.Web.Features.Risk;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Features.Sanctions.Decided;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Infrastructure.Reporting;
using Uppsikt.Web.Infrastructure.Retention;

// Administration verbs (migrate, seed-demo, create-user, …) run in the same executable and settings.
if (AdminCommandLine.Handles(args))
{
    return await AdminCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddUppsiktServerHeaders();
builder.Services.AddUppsiktProxyHeaders();
// Write å, ä and ö as themselves in pages instead of as character references.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddUppsiktDatabase(builder.Configuration);
builder.Services.AddUppsiktAuth(builder.Configuration);
// Keys live in the database so that several instances behind a load balancer share them.
builder.Services.AddUppsiktDataProtection();
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AllowAnonymousToFolder("/Public");
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    options.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Index");
    // Every other page is signed-in only (the fallback policy); each feature module authorises its own pages.
}).AddMvcOptions(options =>
{
    SwedishModelBinding.Apply(options.ModelBindingMessageProvider);
    // Every posted form's characters are checked before its handler runs (decision 0033).
    options.Filters.Add<TextInputPageFilter>();
});
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
// The database being unavailable is answered first, for pages and API alike, without touching the database again.
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
// A request the API cannot bind throws in every environment, not only in development, so that ProblemExceptionHandler answers it
// with the field at fault in Swedish instead of a bare 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Uppsikt API";
    document.Info.Description = "Registret och uppföljningen för integrationer. Autentisera med Authorization: Bearer <API-nyckel>.";
    return Task.CompletedTask;
}));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRegisterFeature();
builder.Services.AddAdminFeature();
builder.Services.AddUppsiktJobs(builder.Configuration);
builder.Services.AddUppsiktMail();
builder.Services.AddUppsiktNotifications();
builder.Services.AddCycleFeature();
builder.Services.AddUppsiktFiles();
builder.Services.AddUppsiktRetention();
builder.Services.AddResultComparison();
builder.Services.AddEvidenceFeature();
builder.Services.AddConditionsFeature();
builder.Services.AddPlansFeature();
builder.Services.AddPortalFeature();
builder.Services.AddQualityReportsFeature();
builder.Services.AddReviewsFeature();
builder.Services.AddDeficienciesFeature();
builder.Services.AddSanctionsFeature();
builder.Services.AddCommissionsFeature();
builder.Services.AddAnnualReportsFeature();
builder.Services.AddDashboardsFeature();
builder.Services.AddReporting();
builder.Services.AddRiskFeature();
builder.Services.AddQualityBonusFeature();
builder.Services.AddPublicFeature();
builder.Services.AddImports();
builder.Services.AddDemoData();

var app = builder.Build();

await app.PrepareDatabaseAsync();

// First of all: the client's address and HTTPS as the configured TLS proxy saw them (sign-in limits, HSTS, Secure cookies).
app.UseForwardedHeaders();
var swedish = new CultureInfo("sv-SE");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(swedish),
    SupportedCultures = [swedish],
    SupportedUICultures = [swedish],
});
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    // A body the server cut off at its limit is the client's 413 (or 400), not a server error.
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseWhen(context => context.Request.IsApi(),
    api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.IsApi(),
    pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
// Routing after the status-code pages, so that re-executing /Error for a 404 or 403 finds the error page.
app.UseRouting();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenData();
var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithTags("Uppsikt")
    .RequiringAntiforgeryForCookies().RefusingForbiddenText();
api.MapRegisterApi();
api.MapCycleApi();
api.MapEvidenceApi();
app.MapFileDownloads();
api.MapConditionsApi();
api.MapPlansApi();
api.MapPortalApi();
api.MapQualityReportsApi();
api.MapReviewDocumentsApi();
api.MapReviewPortalApi();
api.MapReportedReviewsApi();
api.MapReviewVisitApi();
api.MapReviewsApi();
api.MapReviewIntervalsApi();
api.MapDeficienciesApi();
api.MapSanctionsApi();
api.MapDecidedSanctionsApi();
api.MapCommissionsApi();
api.MapAnnualReportsApi();
api.MapRiskApi();
api.MapQualityBonusApi();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' application factory.</summary>
public partial class Program;
