using Uppsikt.Web.Tests.Access;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Every endpoint and page of the app, called by one provider's user against another provider's data. A new
/// route without a rule fails <see cref="EveryRouteHasARule"/>: add one line to <see cref="Rules"/>, saying how the
/// route is aimed at provider B and what A must get (see <see cref="Expectation"/>).
/// </summary>
public sealed class EveryRouteAccessTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    /// <summary>Keys are "METHOD /template[?handler=Name]" as <see cref="AppRoutes"/> reports them; an Index page goes by its folder.</summary>
    public static readonly IReadOnlyDictionary<string, RouteRule> Rules = new Dictionary<string, RouteRule>(StringComparer.Ordinal)
    {
        // Register: units
        ["GET /api/v1/units"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"search={Uri.EscapeDataString(b.UnitSearch)}"),
        ["GET /api/v1/units/{id:guid}"] = RouteRule.Hidden(b => b.UnitId),
        ["POST /api/v1/units"] = RouteRule.Denied() with { Json = NewUnitFor },
        ["PUT /api/v1/units/{id:guid}"] = RouteRule.Denied(b => b.UnitId) with { Json = TakeOverUnit },
        ["GET /Register/Units"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"search={Uri.EscapeDataString(b.UnitSearch)}"),
        ["GET /Register/Units/Details/{id:guid}"] = RouteRule.Hidden(b => b.UnitId),
        ["GET /Register/Units/Timeline/{id:guid}"] = RouteRule.Hidden(b => b.UnitId) with { Queries = [_ => "Kinds=complaint&Kinds=incident", _ => "From=2000-01-01&Page=2"] },
        ["GET /api/v1/units/{id:guid}/timeline"] = RouteRule.Hidden(b => b.UnitId) with { Queries = [_ => "kinds=complaint,attestation", _ => "from=2000-01-01&pageSize=1&page=2"] },
        ["GET /Register/Units/Edit/{id:guid?}"] = RouteRule.Denied(b => b.UnitId),
        ["POST /Register/Units/Edit/{id:guid?}"] = RouteRule.Denied(b => b.UnitId) with { Form = TakeOverUnitForm },

        // Register: providers, their people and subcontractors
        ["GET /api/v1/providers"] = RouteRule.List(b => $"search={Uri.EscapeDataString(b.ProviderName[..^1])}"),
        ["GET /api/v1/providers/{id:guid}"] = RouteRule.Hidden(b => b.ProviderId),
        ["POST /api/v1/providers"] = RouteRule.Denied() with { Json = CopyOfProvider },
        ["PUT /api/v1/providers/{id:guid}"] = RouteRule.Denied(b => b.ProviderId) with { Json = CopyOfProvider },
        ["GET /api/v1/providers/{id:guid}/people"] = RouteRule.Hidden(b => b.ProviderId),
        ["POST /api/v1/providers/{id:guid}/people"] = RouteRule.Denied(b => b.ProviderId) with { Json = NewPerson },
        ["GET /api/v1/providers/{id:guid}/people/{personId:guid}"] = RouteRule.Hidden(b => b.ProviderId).With("personId", b => b.PersonId),
        ["PUT /api/v1/providers/{id:guid}/people/{personId:guid}"] = (RouteRule.Denied(b => b.ProviderId) with { Json = NewPerson }).With("personId", b => b.PersonId),
        ["DELETE /api/v1/providers/{id:guid}/people/{personId:guid}"] = RouteRule.Denied(b => b.ProviderId).With("personId", b => b.PersonId),
        ["GET /api/v1/providers/{id:guid}/subcontractors"] = RouteRule.Hidden(b => b.ProviderId),
        ["POST /api/v1/providers/{id:guid}/subcontractors"] = RouteRule.Denied(b => b.ProviderId) with { Json = NewSubcontractor },
        ["GET /api/v1/providers/{id:guid}/subcontractors/{subcontractorId:guid}"] = RouteRule.Hidden(b => b.ProviderId).With("subcontractorId", b => b.SubcontractorId),
        ["PUT /api/v1/providers/{id:guid}/subcontractors/{subcontractorId:guid}"] = (RouteRule.Denied(b => b.ProviderId) with { Json = NewSubcontractor }).With("subcontractorId", b => b.SubcontractorId),
        ["DELETE /api/v1/providers/{id:guid}/subcontractors/{subcontractorId:guid}"] = RouteRule.Denied(b => b.ProviderId).With("subcontractorId", b => b.SubcontractorId),
        ["GET /Register/Providers"] = RouteRule.NoProviderData("sends a provider user on to its own provider"),
        ["GET /Register/Providers/Details/{id:guid}"] = RouteRule.Hidden(b => b.ProviderId),
        ["GET /Register/Providers/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ProviderId),
        ["POST /Register/Providers/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ProviderId) with { Form = CopyOfProviderForm },
        ["GET /Register/Providers/Person/{providerId:guid}/{personId:guid?}"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId" }).With("personId", b => b.PersonId),
        ["POST /Register/Providers/Person/{providerId:guid}/{personId:guid?}"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId", Form = _ => [new("Input.Name", "Inkräktare (fiktiv)"), new("Input.Role", "BoardMember")] }).With("personId", b => b.PersonId),
        ["POST /Register/Providers/Person/{providerId:guid}/{personId:guid?}?handler=Remove"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId" }).With("personId", b => b.PersonId),
        ["GET /Register/Providers/Subcontractor/{providerId:guid}/{subcontractorId:guid?}"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId" }).With("subcontractorId", b => b.SubcontractorId),
        ["POST /Register/Providers/Subcontractor/{providerId:guid}/{subcontractorId:guid?}"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId", Form = _ => [new("Input.Name", "Inkräktare (fiktiv)"), new("Input.Tier", "1")] }).With("subcontractorId", b => b.SubcontractorId),
        ["POST /Register/Providers/Subcontractor/{providerId:guid}/{subcontractorId:guid?}?handler=Remove"] = (RouteRule.Denied(b => b.ProviderId) with { TargetField = "providerId" }).With("subcontractorId", b => b.SubcontractorId),

        // Register: committees and choice systems belong to the municipality; a choice system lists the providers authorised in it
        ["GET /api/v1/committees"] = RouteRule.NoProviderData("committees hold no provider data"),
        ["GET /api/v1/committees/{id:guid}"] = RouteRule.NoProviderData("a committee and its choice systems") with { Target = b => b.CommitteeId },
        ["POST /api/v1/committees"] = RouteRule.Denied() with { Json = _ => new { name = "Inkräktarnämnden (fiktiv)" } },
        ["PUT /api/v1/committees/{id:guid}"] = RouteRule.Denied(b => b.CommitteeId) with { Json = _ => new { name = "Inkräktarnämnden (fiktiv)", version = 0 } },
        ["GET /Register/Committees"] = RouteRule.NoProviderData("committees hold no provider data"),
        ["GET /Register/Committees/Details/{id:guid}"] = RouteRule.NoProviderData("a committee and its choice systems") with { Target = b => b.CommitteeId },
        ["GET /Register/Committees/Edit/{id:guid?}"] = RouteRule.Denied(b => b.CommitteeId),
        ["POST /Register/Committees/Edit/{id:guid?}"] = RouteRule.Denied(b => b.CommitteeId) with { Form = _ => [new("Input.Name", "Inkräktarnämnden (fiktiv)")] },
        ["GET /api/v1/choice-systems"] = RouteRule.NoProviderData("choice systems without their providers"),
        ["GET /api/v1/choice-systems/{id:guid}"] = RouteRule.List() with { Target = b => b.ChoiceSystemId },
        ["POST /api/v1/choice-systems"] = RouteRule.Denied() with { Json = b => new { name = "Inkräktarvalet (fiktiv)", committeeId = b.CommitteeId, legalBasis = "SoL", operatingForm = "LovChoice" } },
        ["PUT /api/v1/choice-systems/{id:guid}"] = RouteRule.Denied(b => b.ChoiceSystemId) with { Json = b => new { name = "Inkräktarvalet (fiktiv)", committeeId = b.CommitteeId, legalBasis = "SoL", operatingForm = "LovChoice", version = 0 } },
        ["POST /api/v1/choice-systems/{id:guid}/services"] = RouteRule.Denied(b => b.ChoiceSystemId) with { Json = _ => new { name = "Inkräktarinsats (fiktiv)" } },
        ["PUT /api/v1/choice-systems/{id:guid}/services/{serviceId:guid}"] = (RouteRule.Denied(b => b.ChoiceSystemId) with { Json = _ => new { name = "Inkräktarinsats (fiktiv)", version = 0 } }).With("serviceId", b => b.ServiceId),
        ["DELETE /api/v1/choice-systems/{id:guid}/services/{serviceId:guid}"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId),
        ["POST /api/v1/choice-systems/{id:guid}/services/{serviceId:guid}/levels"] = (RouteRule.Denied(b => b.ChoiceSystemId) with { Json = _ => new { code = "X 1" } }).With("serviceId", b => b.ServiceId),
        ["DELETE /api/v1/choice-systems/{id:guid}/services/{serviceId:guid}/levels/{levelId:guid}"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId).With("levelId", b => b.LevelId),
        ["GET /Register/ChoiceSystems"] = RouteRule.NoProviderData("choice systems without their providers"),
        ["GET /Register/ChoiceSystems/Details/{id:guid}"] = RouteRule.List() with { Target = b => b.ChoiceSystemId },
        ["GET /Register/ChoiceSystems/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ChoiceSystemId),
        ["POST /Register/ChoiceSystems/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ChoiceSystemId) with { Form = _ => [new("Input.Name", "Inkräktarvalet (fiktiv)")] },
        ["GET /Register/ChoiceSystems/Services/{id:guid}"] = RouteRule.Denied(b => b.ChoiceSystemId),
        ["POST /Register/ChoiceSystems/Services/{id:guid}?handler=AddService"] = RouteRule.Denied(b => b.ChoiceSystemId) with { Form = _ => [new("NewServiceName", "Inkräktarinsats (fiktiv)")] },
        ["POST /Register/ChoiceSystems/Services/{id:guid}?handler=RenameService"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId),
        ["POST /Register/ChoiceSystems/Services/{id:guid}?handler=RemoveService"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId),
        ["POST /Register/ChoiceSystems/Services/{id:guid}?handler=AddLevel"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId),
        ["POST /Register/ChoiceSystems/Services/{id:guid}?handler=RemoveLevel"] = RouteRule.Denied(b => b.ChoiceSystemId).With("serviceId", b => b.ServiceId).With("levelId", b => b.LevelId),

        // Register: authorisations and contracts
        ["GET /api/v1/authorisations"] = RouteRule.List(b => $"providerId={b.ProviderId}"),
        ["GET /api/v1/authorisations/{id:guid}"] = RouteRule.Hidden(b => b.AuthorisationId),
        ["POST /api/v1/authorisations"] = RouteRule.Denied() with { Json = NewAuthorisation },
        ["PUT /api/v1/authorisations/{id:guid}"] = RouteRule.Denied(b => b.AuthorisationId) with { Json = NewAuthorisation },
        ["GET /Register/Authorisations"] = RouteRule.List(b => $"providerId={b.ProviderId}"),
        ["GET /Register/Authorisations/Details/{id:guid}"] = RouteRule.Hidden(b => b.AuthorisationId),
        ["GET /Register/Authorisations/Edit/{id:guid?}"] = RouteRule.Denied(b => b.AuthorisationId),
        ["POST /Register/Authorisations/Edit/{id:guid?}"] = RouteRule.Denied(b => b.AuthorisationId) with { Form = b => [new("Input.ProviderId", b.ProviderId.ToString()), new("Input.Status", "Revoked")] },

        // Annual cycle: the municipality's own work, closed to provider users (any id will do: the folder is refused first)
        ["GET /Cycle"] = RouteRule.Denied(),
        ["GET /Cycle/MyTasks"] = RouteRule.Denied(),
        ["POST /Cycle/MyTasks?handler=Complete"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Note", "Inkräktare (fiktiv)"), new("Version", "0")] },
        ["GET /Cycle/Apply"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "Input.CommitteeId" },
        ["POST /Cycle/Apply"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "Input.CommitteeId", Form = _ => [new("Input.Year", "2030")] },
        ["GET /Cycle/Templates"] = RouteRule.Denied(),
        ["GET /Cycle/Templates/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Cycle/Templates/Details/{id:guid}?handler=Move"] = RouteRule.Denied(AnyId).With("stepId", AnyId),
        ["POST /Cycle/Templates/Details/{id:guid}?handler=Remove"] = RouteRule.Denied(AnyId).With("stepId", AnyId),
        ["GET /Cycle/Templates/Edit/{id:guid?}"] = RouteRule.Denied(),
        ["POST /Cycle/Templates/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = _ => [new("Input.Name", "Inkräktarmallen (fiktiv)")] },
        ["GET /Cycle/Templates/Step/{templateId:guid}/{stepId:guid?}"] = RouteRule.Denied(AnyId) with { TargetField = "templateId" },
        ["POST /Cycle/Templates/Step/{templateId:guid}/{stepId:guid?}"] = RouteRule.Denied(AnyId) with { TargetField = "templateId", Form = _ => [new("Input.Title", "Inkräktarsteg (fiktiv)")] },
        ["GET /api/v1/tasks"] = RouteRule.Denied() with { Queries = [_ => "mine=true"] },
        ["POST /api/v1/tasks/{id:guid}/complete"] = RouteRule.Denied(AnyId) with { Json = _ => new { note = "Inkräktare (fiktiv)", version = 0 } },
        // Evidence: complaints (the provider answers its own), incidents (the provider reports for its own units), observations, files
        ["GET /Evidence/Complaints"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"unitId={b.UnitId}"),
        ["GET /Evidence/Complaints/Details/{id:guid}"] = RouteRule.Hidden(b => b.ComplaintId),
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=Forward"] = RouteRule.Denied(b => b.ComplaintId) with { Form = _ => [new("ResponseDueOn", "2099-01-01"), new("Version", "0")] },
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=Answer"] = RouteRule.Hidden(b => b.ComplaintId) with { Form = _ => [new("Response", "Inkräktarens svar (fiktiv)"), new("Version", "1")] },
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=Stance"] = RouteRule.Denied(b => b.ComplaintId) with { Form = _ => [new("Authority", "Ivo"), new("Decision", "Referred"), new("DecidedOn", "2026-01-01"), new("Motivation", "Inkräktare"), new("Version", "1")] },
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=Close"] = RouteRule.Denied(b => b.ComplaintId) with { Form = _ => [new("Note", "Stängt av inkräktare"), new("Version", "1")] },
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=Upload"] = RouteRule.Hidden(b => b.ComplaintId),
        ["POST /Evidence/Complaints/Details/{id:guid}?handler=DeleteFile"] = RouteRule.Hidden(b => b.ComplaintId) with { Form = b => [new("fileId", b.FileId.ToString())] },
        ["GET /Evidence/Complaints/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ComplaintId),
        ["POST /Evidence/Complaints/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ComplaintId) with { Form = b => [new("Input.UnitId", b.UnitId.ToString()), new("Input.Summary", "Ändrat av inkräktare")] },
        ["GET /Evidence/Complaints/Summary"] = RouteRule.Denied(),
        ["GET /api/v1/complaints"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"unitId={b.UnitId}"),
        ["GET /api/v1/complaints/{id:guid}"] = RouteRule.Hidden(b => b.ComplaintId),
        ["GET /api/v1/complaints/summary"] = RouteRule.Denied(),
        ["POST /api/v1/complaints"] = RouteRule.Denied() with { Json = b => new { receivedOn = "2026-01-01", channel = "Email", unitId = b.UnitId, category = "Food", severity = "Minor", summary = "Inkräktare" } },
        ["POST /api/v1/complaints/{id:guid}/forward"] = RouteRule.Denied(b => b.ComplaintId) with { Json = _ => new { responseDueOn = "2099-01-01", version = 1 } },
        ["POST /api/v1/complaints/{id:guid}/answer"] = RouteRule.Hidden(b => b.ComplaintId) with { Json = _ => new { response = "Inkräktarens svar", version = 1 } },
        ["POST /api/v1/complaints/{id:guid}/referrals"] = RouteRule.Denied(b => b.ComplaintId) with { Json = _ => new { authority = "Ivo", decision = "Referred", motivation = "Inkräktare", decidedOn = "2026-01-01", version = 1 } },
        ["POST /api/v1/complaints/{id:guid}/close"] = RouteRule.Denied(b => b.ComplaintId) with { Json = _ => new { note = "Stängt", version = 1 } },
        ["GET /Evidence/Incidents"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"unitId={b.UnitId}"),
        ["GET /Evidence/Incidents/Details/{id:guid}"] = RouteRule.Hidden(b => b.IncidentId),
        ["POST /Evidence/Incidents/Details/{id:guid}?handler=Stance"] = RouteRule.Denied(b => b.IncidentId) with { Form = _ => [new("Authority", "Ivo"), new("Decision", "Referred"), new("DecidedOn", "2026-01-01"), new("Motivation", "Inkräktare"), new("Version", "0")] },
        ["POST /Evidence/Incidents/Details/{id:guid}?handler=Close"] = RouteRule.Denied(b => b.IncidentId) with { Form = _ => [new("Note", "Stängt"), new("Version", "0")] },
        ["POST /Evidence/Incidents/Details/{id:guid}?handler=Upload"] = RouteRule.Hidden(b => b.IncidentId),
        ["POST /Evidence/Incidents/Details/{id:guid}?handler=DeleteFile"] = RouteRule.Hidden(b => b.IncidentId) with { Form = b => [new("fileId", b.FileId.ToString())] },
        ["GET /Evidence/Incidents/Edit/{id:guid?}"] = RouteRule.Hidden(b => b.IncidentId),
        ["POST /Evidence/Incidents/Edit/{id:guid?}"] = RouteRule.Hidden(b => b.IncidentId) with { Form = IncidentForUnitOf },
        ["GET /Evidence/Incidents/Summary"] = RouteRule.Denied(),
        ["GET /Evidence/Incidents/Summary?handler=Csv"] = RouteRule.Denied(),
        ["GET /api/v1/incidents"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"unitId={b.UnitId}"),
        ["GET /api/v1/incidents/{id:guid}"] = RouteRule.Hidden(b => b.IncidentId),
        ["GET /api/v1/incidents/summary"] = RouteRule.Denied(),
        ["POST /api/v1/incidents"] = RouteRule.NoProviderData("a provider reports for its own units only: B's unit is unknown to A (400)") with
        { Json = b => new { kind = "Deviation", severity = "Minor", occurredOn = "2026-01-01", unitId = b.UnitId, summary = "Inkräktare" } },
        ["POST /api/v1/incidents/{id:guid}/referrals"] = RouteRule.Denied(b => b.IncidentId) with { Json = _ => new { authority = "Ivo", decision = "Referred", motivation = "Inkräktare", decidedOn = "2026-01-01", version = 0 } },
        ["POST /api/v1/incidents/{id:guid}/close"] = RouteRule.Denied(b => b.IncidentId) with { Json = _ => new { note = "Stängt", version = 0 } },
        ["GET /Evidence/Observations"] = RouteRule.Denied(),
        ["GET /Evidence/Observations/Edit"] = RouteRule.Denied(),
        ["POST /Evidence/Observations/Edit"] = RouteRule.Denied() with { Form = b => [new("Input.UnitId", b.UnitId.ToString()), new("Input.Summary", "Inkräktare")] },
        ["GET /api/v1/observations"] = RouteRule.Denied(),
        ["POST /api/v1/observations"] = RouteRule.Denied() with { Json = b => new { observedOn = "2026-01-01", unitId = b.UnitId, category = "Food", severity = "Minor", summary = "Inkräktare" } },
        ["GET /files/{id:guid}"] = RouteRule.Hidden(b => b.FileId),
        // Conditions and follow-up plans: the municipality's own documents, no provider data; providers read the published ones under /Public
        ["GET /api/v1/conditions"] = RouteRule.Denied(),
        ["GET /api/v1/conditions/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/conditions/{id:guid}/in-force"] = RouteRule.Denied(AnyId),
        ["GET /Conditions"] = RouteRule.Denied(),
        ["GET /Conditions/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /Conditions/Edit/{id:guid?}"] = RouteRule.Denied(AnyId),
        ["POST /Conditions/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = _ => [new("Input.Scope", "General"), new("Input.Code", "X1"), new("Input.Title", "Inkräktarvillkor"), new("Input.Text", "Text")] },
        ["GET /Conditions/Set/{choiceSystemId:guid?}"] = RouteRule.Denied(b => b.ChoiceSystemId) with { TargetField = "choiceSystemId" },
        ["GET /Plans/CouncilReview"] = RouteRule.Denied(),
        ["GET /Plans/CouncilReview?handler=Docx"] = RouteRule.Denied() with { Queries = [_ => "CaseNumber=KFKS-2026-00012"] },
        ["GET /api/v1/council-review/{year:int}"] = RouteRule.Denied(),
        ["GET /api/v1/council-review/{year:int}/memo"] = RouteRule.Denied() with { Queries = [_ => "caseNumber=KFKS-2026-00012"] },
        ["GET /api/v1/plans"] = RouteRule.Denied(),
        ["GET /api/v1/plans/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/plans/{id:guid}/completeness"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/plans"] = RouteRule.Denied() with { Json = b => new { choiceSystemId = b.ChoiceSystemId, year = 2030, fromLastYear = false } },
        ["PUT /api/v1/plans/{id:guid}"] = RouteRule.Denied(AnyId) with { Json = _ => new { focusThemes = new[] { "Inkräktare" }, version = 0 } },
        ["POST /api/v1/plans/{id:guid}/activities"] = RouteRule.Denied(AnyId) with { Json = _ => new { activity = new { what = "Inkräktare" }, planVersion = 0 } },
        ["PUT /api/v1/plans/{id:guid}/activities/{activityId:guid}"] = (RouteRule.Denied(AnyId) with { Json = _ => new { activity = new { what = "Inkräktare" }, planVersion = 0 } }).With("activityId", AnyId),
        ["DELETE /api/v1/plans/{id:guid}/activities/{activityId:guid}"] = RouteRule.Denied(AnyId).With("activityId", AnyId),
        ["POST /api/v1/plans/{id:guid}/submit"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare" } },
        ["POST /api/v1/plans/{id:guid}/approve"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare" } },
        ["POST /api/v1/plans/{id:guid}/adopt"] = RouteRule.Denied(AnyId) with { Json = _ => new { decidedOn = "2026-01-01", paragraph = "1", caseNumber = "KFKS-2026-00001" } },
        ["POST /api/v1/plans/{id:guid}/report-to-council-board"] = RouteRule.Denied(AnyId) with { Json = _ => new { reportedOn = "2026-01-01" } },
        ["POST /api/v1/plans/{id:guid}/revise"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare" } },
        ["GET /Plans"] = RouteRule.Denied(),
        ["GET /Plans/New"] = RouteRule.Denied(),
        ["POST /Plans/New"] = RouteRule.Denied() with { Form = b => [new("Input.ChoiceSystemId", b.ChoiceSystemId.ToString()), new("Input.Year", "2030")] },
        ["GET /Plans/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Details/{id:guid}?handler=Submit"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Details/{id:guid}?handler=Approve"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Details/{id:guid}?handler=Report"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Details/{id:guid}?handler=Revise"] = RouteRule.Denied(AnyId),
        ["GET /Plans/Edit/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Edit/{id:guid}"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Input.FocusThemes", "Inkräktare")] },
        ["GET /Plans/Activity/{planId:guid}/{activityId:guid?}"] = RouteRule.Denied(AnyId) with { TargetField = "planId" },
        ["POST /Plans/Activity/{planId:guid}/{activityId:guid?}"] = RouteRule.Denied(AnyId) with { TargetField = "planId", Form = _ => [new("Input.What", "Inkräktare")] },
        ["POST /Plans/Activity/{planId:guid}/{activityId:guid?}?handler=Remove"] = (RouteRule.Denied(AnyId) with { TargetField = "planId" }).With("activityId", AnyId),
        ["GET /Plans/Adopt/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Plans/Adopt/{id:guid}"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Input.Paragraph", "1"), new("Input.CaseNumber", "KFKS-2026-00001")] },
        ["GET /Public/Plans"] = RouteRule.NoProviderData("adopted follow-up plans, published"),
        ["GET /Public/Plan/{id:guid}"] = RouteRule.NoProviderData("one adopted follow-up plan, published") with { Target = AnyId },
        ["GET /Public/Conditions/{choiceSystemId:guid?}"] = RouteRule.NoProviderData("the conditions in force, published") with { Target = b => b.ChoiceSystemId, TargetField = "choiceSystemId" },
        // Evidence: indicators are the municipality's; results follow their unit; imports are for quality developers
        ["GET /api/v1/indicators"] = RouteRule.NoProviderData("indicator definitions and targets hold no provider data"),
        ["GET /api/v1/indicators/{id:guid}"] = RouteRule.NoProviderData("an indicator definition") with { Target = b => b.ChoiceSystemId },
        ["GET /api/v1/indicator-results"] = RouteRule.Hidden(b => b.UnitId) with { TargetField = "unitId" },
        ["GET /api/v1/indicator-results/equal-terms"] = RouteRule.Denied(b => b.UnitId),
        ["POST /api/v1/indicator-results/imports"] = RouteRule.Denied(),
        ["GET /api/v1/indicator-results/imports"] = RouteRule.Denied(),
        ["GET /api/v1/indicator-results/imports/{id:guid}"] = RouteRule.Denied(b => b.UnitId),
        ["GET /Evidence/Indicators"] = RouteRule.Denied(),
        ["GET /Evidence/Indicators/EqualTerms"] = RouteRule.Denied(),
        ["GET /Evidence/Indicators/Edit/{id:guid?}"] = RouteRule.Denied(b => b.ChoiceSystemId),
        ["POST /Evidence/Indicators/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = _ => [new("Input.Code", "INKRAKTARE"), new("Input.Name", "Inkräktare (fiktiv)")] },
        ["POST /Evidence/Indicators/Edit/{id:guid?}?handler=Release"] = RouteRule.Denied(AnyId) with { Form = _ => [new("year", "2025"), new("confirmed", "true")] },
        ["POST /Evidence/Indicators/Edit/{id:guid?}?handler=Withdraw"] = RouteRule.Denied(AnyId) with { Form = _ => [new("year", "2025"), new("confirmed", "true")] },
        ["GET /Evidence/Indicators/Imports"] = RouteRule.Denied(),
        ["POST /Evidence/Indicators/Imports"] = RouteRule.Denied(),
        ["GET /Evidence/Indicators/Imports/Details/{id:guid}"] = RouteRule.Denied(b => b.UnitId),
        // Evidence: surveys are the staff's; their per-unit results are refused to providers with the rest of the survey
        ["GET /api/v1/surveys"] = RouteRule.Denied(),
        ["GET /api/v1/surveys/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/surveys"] = RouteRule.Denied() with { Json = b => new { name = "Inkräktare", year = 2025, committeeId = b.CommitteeId, conductor = "Inkräktare" } },
        ["PUT /api/v1/surveys/{id:guid}"] = RouteRule.Denied(AnyId) with { Json = b => new { name = "Inkräktare", year = 2025, committeeId = b.CommitteeId, conductor = "Inkräktare", version = 0 } },
        ["DELETE /api/v1/surveys/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/surveys/{id:guid}/questions"] = RouteRule.Denied(AnyId) with { Json = _ => new { text = "Inkräktare?", version = 0 } },
        ["DELETE /api/v1/surveys/{id:guid}/questions/{questionId:guid}"] = RouteRule.Denied(AnyId).With("questionId", AnyId),
        ["GET /Evidence/Surveys"] = RouteRule.Denied(),
        ["GET /Evidence/Surveys/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Evidence/Surveys/Details/{id:guid}?handler=Question"] = RouteRule.Denied(AnyId) with { Form = _ => [new("text", "Inkräktare?"), new("version", "0")] },
        ["POST /Evidence/Surveys/Details/{id:guid}?handler=RemoveQuestion"] = RouteRule.Denied(AnyId) with { Form = _ => [new("questionId", Guid.NewGuid().ToString()), new("confirmed", "true"), new("version", "0")] },
        ["POST /Evidence/Surveys/Details/{id:guid}?handler=Delete"] = RouteRule.Denied(AnyId) with { Form = _ => [new("confirmed", "true"), new("version", "0")] },
        ["GET /Evidence/Surveys/Edit/{id:guid?}"] = RouteRule.Denied(AnyId),
        ["POST /Evidence/Surveys/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = _ => [new("Input.Name", "Inkräktare"), new("Input.Year", "2025"), new("Input.Conductor", "Inkräktare")] },

        // Provider portal: a provider user's own portal; the municipality's side is refused; B's records are hidden
        ["GET /Portal"] = RouteRule.NoProviderData("the caller's own portal"),
        ["GET /Portal/Threads"] = RouteRule.NoProviderData("the caller's own threads; a matter of B's is not found") with { Queries = MattersOf() },
        ["POST /Portal/Threads"] = RouteRule.NoProviderData("writes in the caller's own threads; a matter of B's is not found") with { Queries = MattersOf(), Form = _ => [new("Text", "Inkräktarens meddelande")] },
        ["POST /Portal?handler=Change"] = RouteRule.NoProviderData("reports a change for the caller's own provider") with { Form = _ => [new("Category", "Other"), new("ChangeText", "Egen förändring (fiktiv)")] },
        ["GET /Portal/Providers"] = RouteRule.Denied(),
        ["GET /Portal/Providers/Messages"] = RouteRule.Denied() with { Queries = [_ => "Waiting=true"] },
        ["GET /Portal/Providers/Details/{id:guid}"] = RouteRule.Denied(b => b.ProviderId),
        ["GET /Portal/Providers/Thread/{id:guid}"] = RouteRule.Denied(b => b.ProviderId) with { Queries = MattersOf() },
        ["POST /Portal/Providers/Thread/{id:guid}"] = RouteRule.Denied(b => b.ProviderId) with { Queries = MattersOf(), Form = _ => [new("Text", "Inkräktarens meddelande")] },
        ["GET /Portal/Documents/New"] = RouteRule.Denied(),
        ["POST /Portal/Documents/New"] = RouteRule.Denied() with { Form = b => [new("ProviderIds", b.ProviderId.ToString()), new("Title", "Inkräktardokument")] },
        ["GET /Portal/Documents/Details/{id:guid}"] = RouteRule.Hidden(b => b.PortalDocumentId),
        ["POST /Portal/Documents/Details/{id:guid}?handler=Upload"] = RouteRule.Hidden(b => b.PortalDocumentId),
        ["POST /Portal/Documents/Details/{id:guid}?handler=DeleteFile"] = RouteRule.Hidden(b => b.PortalDocumentId) with { Form = b => [new("fileId", b.FileId.ToString())] },
        ["GET /Portal/Attestations"] = RouteRule.Denied(),
        ["POST /Portal/Attestations"] = RouteRule.Denied() with { Form = _ => [new("Year", "2030"), new("DueOn", "2030-01-31")] },
        ["GET /Portal/Attestations/Round/{id:guid}"] = RouteRule.Denied(b => b.AttestationRoundId),
        ["GET /Portal/Attestations/Details/{id:guid}"] = RouteRule.Hidden(b => b.AttestationId),
        ["GET /Portal/Attestations/Attest/{roundId:guid}/{choiceSystemId:guid}"] = (RouteRule.NoProviderData("the caller's own form for a round and choice system") with { Target = b => b.AttestationRoundId, TargetField = "roundId" }).With("choiceSystemId", b => b.ChoiceSystemId),
        ["POST /Portal/Attestations/Attest/{roundId:guid}/{choiceSystemId:guid}"] = (RouteRule.NoProviderData("signs for the caller's own provider only") with { Target = b => b.AttestationRoundId, TargetField = "roundId", Form = _ => [new("Name", "Inkräktare"), new("Role", "VD")] }).With("choiceSystemId", b => b.ChoiceSystemId),
        ["GET /Portal/Invite"] = RouteRule.Denied(),
        ["POST /Portal/Invite"] = RouteRule.Denied() with { Form = b => [new("ProviderId", b.ProviderId.ToString()), new("Email", "inkraktare@example.org"), new("DisplayName", "Inkräktare")] },
        ["GET /Portal/Invitation"] = RouteRule.NoProviderData("the invitee's password form; without a valid link it says so"),
        ["POST /Portal/Invitation"] = RouteRule.NoProviderData("sets a password only with a valid link") with { Form = _ => [new("Password", "Inkräktare-2026!"), new("Repeated", "Inkräktare-2026!")] },
        ["GET /api/v1/portal/requests"] = RouteRule.NoProviderData("the caller's own requests"),
        ["GET /api/v1/portal/messages"] = RouteRule.NoProviderData("the caller's own thread"),
        ["POST /api/v1/portal/messages"] = RouteRule.NoProviderData("writes in the caller's own thread; a matter of B's is refused") with { Json = b => new { text = "Inkräktarens meddelande", matterKind = "Complaint", matterId = b.ComplaintId } },
        ["GET /api/v1/portal/threads"] = RouteRule.NoProviderData("the caller's own threads"),
        ["GET /api/v1/portal/provider-threads"] = RouteRule.Denied() with { Queries = [_ => "waiting=true"] },
        ["GET /api/v1/portal/threads/messages"] = RouteRule.NoProviderData("the caller's own thread; a matter of B's is not found") with { Queries = MattersOf() },
        ["GET /api/v1/portal/attestations"] = RouteRule.NoProviderData("the caller's own attestations"),
        ["POST /api/v1/portal/attestations"] = RouteRule.NoProviderData("attests for the caller's own provider only") with { Json = b => new { roundId = b.AttestationRoundId, choiceSystemId = b.ChoiceSystemId, name = "Inkräktare", role = "VD" } },
        // Quality reports: a report is its provider's (query filter); templates and review are the municipality's
        ["GET /api/v1/quality-reports"] = RouteRule.List(b => $"search={Uri.EscapeDataString(b.ProviderName[..^1])}"),
        ["GET /api/v1/quality-reports/{id:guid}"] = RouteRule.Hidden(b => b.QualityReportId),
        ["GET /api/v1/quality-report-templates"] = RouteRule.Denied(),
        ["GET /api/v1/quality-report-templates/{id:guid}"] = RouteRule.Denied(b => b.QualityReportTemplateId),
        ["POST /api/v1/quality-report-templates/{id:guid}/questions"] = RouteRule.Denied(b => b.QualityReportTemplateId) with { Json = _ => new { section = "Volym", code = "9.9", text = "Inkräktare?", kind = "Text", templateVersion = 0 } },
        ["PUT /api/v1/quality-report-templates/{id:guid}/questions/{questionId:guid}"] = RouteRule.Denied(b => b.QualityReportTemplateId).With("questionId", AnyId) with { Json = _ => new { section = "Volym", code = "9.9", text = "Inkräktare?", kind = "Text", templateVersion = 0 } },
        ["POST /api/v1/quality-report-templates/{id:guid}/questions/{questionId:guid}/move"] = RouteRule.Denied(b => b.QualityReportTemplateId).With("questionId", AnyId) with { Json = _ => new { offset = 1, version = 0 } },
        ["DELETE /api/v1/quality-report-templates/{id:guid}/questions/{questionId:guid}"] = RouteRule.Denied(b => b.QualityReportTemplateId).With("questionId", AnyId) with { Queries = [_ => "version=0"] },
        ["POST /api/v1/quality-report-templates/checklists"] = RouteRule.Denied() with { Json = b => new { choiceSystemId = b.ChoiceSystemId, reviewType = "QualityReview", year = 2031, title = "Inkräktare" } },
        ["POST /api/v1/quality-report-templates/{id:guid}/activate"] = RouteRule.Denied(b => b.QualityReportTemplateId) with { Json = _ => new { dueOn = "2031-01-01", version = 0 } },
        ["GET /api/v1/quality-report-templates/{id:guid}/xlsx"] = RouteRule.Denied(b => b.QualityReportTemplateId),
        ["POST /api/v1/quality-report-templates/{id:guid}/xlsx"] = RouteRule.Denied(b => b.QualityReportTemplateId),
        ["GET /QualityReports/Reports"] = RouteRule.Denied(),
        ["GET /QualityReports/Reports/Late"] = RouteRule.Denied(),
        ["GET /QualityReports/Reports/Mine"] = RouteRule.NoProviderData("the caller's own provider's reports"),
        ["GET /QualityReports/Reports/Details/{id:guid}"] = RouteRule.Hidden(b => b.QualityReportId),
        ["POST /QualityReports/Reports/Details/{id:guid}?handler=Approve"] = RouteRule.Denied(b => b.QualityReportId),
        ["POST /QualityReports/Reports/Details/{id:guid}?handler=RequestCompletion"] = RouteRule.Denied(b => b.QualityReportId) with { Form = _ => [new("codes", "1.1"), new("comment-q-1-1", "Inkräktare")] },
        ["GET /QualityReports/Reports/Fill/{id:guid}"] = RouteRule.Hidden(b => b.QualityReportId),
        ["POST /QualityReports/Reports/Fill/{id:guid}"] = RouteRule.Hidden(b => b.QualityReportId) with { Form = _ => [new("q-1-1", "1"), new("version", "0"), new("action", "save")] },
        ["POST /QualityReports/Reports/Fill/{id:guid}?handler=CopyLastYear"] = RouteRule.Hidden(b => b.QualityReportId),
        ["POST /QualityReports/Reports/Fill/{id:guid}?handler=Upload"] = RouteRule.Hidden(b => b.QualityReportId),
        ["POST /QualityReports/Reports/Fill/{id:guid}?handler=DeleteFile"] = RouteRule.Hidden(b => b.QualityReportId) with { Form = b => [new("fileId", b.FileId.ToString())] },
        ["GET /QualityReports/Templates"] = RouteRule.Denied(),
        ["POST /QualityReports/Templates"] = RouteRule.Denied() with { Form = b => [new("Input.ChoiceSystemId", b.ChoiceSystemId.ToString()), new("Input.Year", "2031"), new("Input.Title", "Inkräktare")] },
        ["GET /QualityReports/Templates/Checklists"] = RouteRule.Denied(),
        ["POST /QualityReports/Templates/Checklists"] = RouteRule.Denied() with { Form = b => [new("Input.ChoiceSystemId", b.ChoiceSystemId.ToString()), new("Input.ReviewType", "QualityReview"), new("Input.Year", "2031"), new("Input.Start", "Starter")] },
        ["GET /QualityReports/Templates/Details/{id:guid}"] = RouteRule.Denied(b => b.QualityReportTemplateId),
        ["POST /QualityReports/Templates/Details/{id:guid}?handler=Activate"] = RouteRule.Denied(b => b.QualityReportTemplateId) with { Form = _ => [new("DueOn", "2031-01-01"), new("version", "0"), new("confirmed", "true")] },
        ["POST /QualityReports/Templates/Details/{id:guid}?handler=Import"] = RouteRule.Denied(b => b.QualityReportTemplateId),
        ["POST /QualityReports/Templates/Details/{id:guid}?handler=Move"] = RouteRule.Denied(b => b.QualityReportTemplateId).With("questionId", AnyId) with { Form = _ => [new("offset", "1"), new("version", "0")] },
        ["POST /QualityReports/Templates/Details/{id:guid}?handler=Remove"] = RouteRule.Denied(b => b.QualityReportTemplateId).With("questionId", AnyId) with { Form = _ => [new("version", "0")] },
        ["POST /QualityReports/Templates/Details/{id:guid}?handler=RenameSection"] = RouteRule.Denied(b => b.QualityReportTemplateId) with { Form = _ => [new("section", "Volym"), new("newName", "Inkräktare"), new("version", "0")] },
        ["GET /QualityReports/Templates/Question/{id:guid?}"] = (RouteRule.Denied(b => b.QualityReportTemplateId) with { TargetField = "templateId" }).With("id", AnyId),
        ["POST /QualityReports/Templates/Question/{id:guid?}"] = (RouteRule.Denied(b => b.QualityReportTemplateId) with { TargetField = "Input.TemplateId", Form = _ => [new("Input.Section", "Volym"), new("Input.Code", "9.9"), new("Input.Text", "Inkräktare?"), new("Input.Kind", "Text"), new("Input.TemplateVersion", "0")] }),
        // Reviews in the provider portal: a review is its provider's once communicated (query filter); only the provider answers
        ["GET /Reviews/Portal"] = RouteRule.NoProviderData("the caller's own provider's communicated reviews"),
        ["GET /Reviews/Portal/Details/{id:guid}"] = RouteRule.Hidden(b => b.ReviewId),
        ["POST /Reviews/Portal/Details/{id:guid}?handler=Respond"] = RouteRule.Hidden(b => b.ReviewId) with { Form = _ => [new("Kind", "Comment"), new("Text", "Inkräktarens svar")] },
        ["POST /Reviews/Portal/Details/{id:guid}?handler=Dispute"] = RouteRule.Hidden(b => b.ReviewId) with { Form = _ => [new("Reason", "Inkräktarens invändning"), new("confirmed", "true")] },
        ["GET /api/v1/portal/reviews"] = RouteRule.List(b => $"search={Uri.EscapeDataString(b.ProviderName[..^1])}"),
        ["GET /api/v1/portal/reviews/{id:guid}"] = RouteRule.Hidden(b => b.ReviewId),
        ["POST /api/v1/portal/reviews/{id:guid}/responses"] = RouteRule.Hidden(b => b.ReviewId) with { Json = _ => new { kind = "Comment", text = "Inkräktarens svar" } },
        ["POST /api/v1/portal/reviews/{id:guid}/dispute"] = RouteRule.Hidden(b => b.ReviewId) with { Json = _ => new { reason = "Inkräktarens invändning" } },

        // Deficiencies and action plans: a provider's own, never another's; only the municipality registers a deficiency from a matter
        ["GET /api/v1/deficiencies"] = RouteRule.List(b => $"providerId={b.ProviderId}", b => $"search={Uri.EscapeDataString(b.UnitName)}"),
        ["GET /Deficiencies"] = RouteRule.List(b => $"ProviderId={b.ProviderId}"),
        ["GET /Deficiencies/Plan/{id:guid}"] = RouteRule.Hidden(b => b.ActionPlanId),
        ["GET /Deficiencies/New"] = RouteRule.Denied() with { Queries = [b => $"Origin=Complaint&MatterId={b.ComplaintId}"] },
        ["POST /Deficiencies/New"] = RouteRule.Denied() with { Form = b => [new("Origin", "Complaint"), new("MatterId", b.ComplaintId.ToString()), new("Input.Area", "Inkräktare")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=AddAction"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("description", "Inkräktare"), new("responsibleName", "Inkräktare"), new("dueOn", "2030-01-01"), new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=RemoveAction"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("actionId", Guid.CreateVersion7().ToString()), new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Submit"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Approve"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Return"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("reason", "Inkräktare"), new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Done"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("actionId", Guid.CreateVersion7().ToString()), new("report", "Inkräktare"), new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Verify"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("deficiencyId", Guid.CreateVersion7().ToString()), new("method", "PhoneCall"), new("checkedWhat", "Inkräktare"), new("isFixed", "true"), new("version", "0")] },
        ["POST /Deficiencies/Plan/{id:guid}?handler=Upload"] = RouteRule.Hidden(b => b.ActionPlanId),
        ["POST /Deficiencies/Plan/{id:guid}?handler=DeleteFile"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = b => [new("fileId", b.FileId.ToString())] },
        ["GET /api/v1/action-plans/{id:guid}"] = RouteRule.Hidden(b => b.ActionPlanId),
        ["GET /api/v1/action-plans/{id:guid}/files"] = RouteRule.Hidden(b => b.ActionPlanId),
        ["POST /api/v1/action-plans"] = RouteRule.Denied() with { Json = b => new { origin = "Complaint", matterId = b.ComplaintId, severity = "MinorDeficiency", area = "Inkräktare", description = "Inkräktare", requiredAction = "Inkräktare" } },
        ["POST /api/v1/action-plans/{id:guid}/actions"] = RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { deficiencyId = Guid.CreateVersion7(), description = "Inkräktare", responsibleName = "Inkräktare", dueOn = "2030-01-01", version = 0 } },
        ["DELETE /api/v1/action-plans/{id:guid}/actions/{actionId:guid}"] = RouteRule.Hidden(b => b.ActionPlanId).With("actionId", b => b.ActionPlanId),
        ["POST /api/v1/action-plans/{id:guid}/submission"] = RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/action-plans/{id:guid}/approval"] = RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/action-plans/{id:guid}/return"] = RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { reason = "Inkräktare", version = 0 } },
        ["POST /api/v1/action-plans/{id:guid}/files"] = RouteRule.Hidden(b => b.ActionPlanId),
        ["POST /api/v1/action-plans/{id:guid}/actions/{actionId:guid}/done"] = (RouteRule.Hidden(b => b.ActionPlanId) with { Json = b => new { report = "Inkräktare", evidenceFileIds = new[] { b.FileId }, version = 0 } }).With("actionId", b => b.ActionPlanId),
        ["POST /Deficiencies/Plan/{id:guid}?handler=Stance"] = RouteRule.Hidden(b => b.ActionPlanId) with { Form = _ => [new("deficiencyId", Guid.CreateVersion7().ToString()), new("Authority", "Ivo"), new("Decision", "Referred"), new("DecidedOn", "2026-01-01"), new("Motivation", "Inkräktare"), new("version", "0")] },
        ["POST /api/v1/action-plans/{id:guid}/deficiencies/{deficiencyId:guid}/referrals"] = (RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { authority = "Ivo", decision = "Referred", motivation = "Inkräktare", decidedOn = "2026-01-01", version = 0 } }).With("deficiencyId", b => b.ActionPlanId),
        ["POST /api/v1/action-plans/{id:guid}/deficiencies/{deficiencyId:guid}/verifications"] = (RouteRule.Hidden(b => b.ActionPlanId) with { Json = _ => new { method = "PhoneCall", checkedWhat = "Inkräktare", @fixed = true, verifiedOn = "2026-01-01", version = 0 } }).With("deficiencyId", b => b.ActionPlanId),
        // Sanctions: a provider reads its own decided ones and their letters, never another's, and proposes, assesses or decides nothing.
        ["GET /Sanctions"] = RouteRule.List(b => $"ProviderId={b.ProviderId}"),
        ["GET /Sanctions/Details/{id:guid}"] = RouteRule.Hidden(b => b.SanctionId),
        ["GET /Sanctions/Details/{id:guid}?handler=Memo"] = RouteRule.Hidden(b => b.SanctionId),
        ["GET /Sanctions/Details/{id:guid}?handler=Letter"] = RouteRule.Hidden(b => b.SanctionId),
        ["GET /Sanctions/New"] = RouteRule.Denied() with { Queries = [b => $"ActionPlanId={b.ActionPlanId}"] },
        ["POST /Sanctions/New"] = RouteRule.Denied() with { Form = b => [new("ActionPlanId", b.ActionPlanId.ToString()), new("Type", "Remark"), new("Motivation", "Inkräktare")] },
        ["POST /Sanctions/Details/{id:guid}?handler=Assess"] = RouteRule.Hidden(b => b.SanctionId) with { Form = _ => [new("outcome", "ToCommittee"), new("version", "0")] },
        ["POST /Sanctions/Details/{id:guid}?handler=Revise"] = RouteRule.Hidden(b => b.SanctionId) with { Form = _ => [new("type", "Remark"), new("motivation", "Inkräktare"), new("version", "0")] },
        ["POST /Sanctions/Details/{id:guid}?handler=Decide"] = RouteRule.Hidden(b => b.SanctionId) with { Form = _ => [new("decided", "true"), new("type", "Remark"), new("decidedOn", "2026-01-01"), new("paragraph", "1"), new("caseNumber", "SOC-2026-00001"), new("version", "0")] },
        // The council board's decisions and commissions: the municipality's own, never a provider's.
        ["POST /Plans/CouncilReview?handler=Decision"] = RouteRule.Denied() with { Form = _ => [new("decidedOn", "2026-01-01"), new("paragraph", "1"), new("decisionCaseNumber", "KFKS-2026-00001"), new("text", "Inkräktare"), new("version", "0")] },
        ["GET /api/v1/council-review/{year:int}/decision"] = RouteRule.Denied(),
        ["PUT /api/v1/council-review/{year:int}/decision"] = RouteRule.Denied() with { Json = _ => new { decidedOn = "2026-01-01", paragraph = "1", caseNumber = "KFKS-2026-00001", text = "Inkräktare", version = 0 } },
        ["GET /Commissions"] = RouteRule.Denied(),
        ["GET /Commissions/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /Commissions/Details/{id:guid}?handler=File"] = RouteRule.Denied(AnyId) with { Queries = [b => $"fileId={b.FileId}"] },
        ["POST /Commissions/Details/{id:guid}?handler=Start"] = RouteRule.Denied(AnyId) with { Form = _ => [new("version", "0")] },
        ["POST /Commissions/Details/{id:guid}?handler=Report"] = RouteRule.Denied(AnyId) with { Form = _ => [new("reportedOn", "2026-01-01"), new("summary", "Inkräktare"), new("version", "0")] },
        ["POST /Commissions/Details/{id:guid}?handler=Close"] = RouteRule.Denied(AnyId) with { Form = _ => [new("confirmed", "true"), new("version", "0")] },
        ["GET /Commissions/Edit/{id:guid?}"] = RouteRule.Denied(AnyId),
        ["POST /Commissions/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = _ => [new("Input.Title", "Inkräktare"), new("Input.DecidedOn", "2026-01-01"), new("Input.Paragraph", "1"), new("Input.CaseNumber", "KFKS-2026-00001"), new("Input.DueOn", "2030-01-01")] },
        // Quality bonus (decision 0043): the municipality's planning material, never a provider's
        ["GET /QualityBonus"] = RouteRule.Denied(),
        ["GET /QualityBonus/Edit/{id:guid?}"] = RouteRule.Denied(AnyId),
        ["POST /QualityBonus/Edit/{id:guid?}"] = RouteRule.Denied() with { Form = b => [new("Input.Name", "Inkräktare"), new("Input.ChoiceSystemId", b.ChoiceSystemId.ToString()), new("Input.Basis", "PerPlace"), new("Input.CeilingPerUnit", "1000")] },
        ["GET /QualityBonus/Simulation/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /QualityBonus/Simulation/{id:guid}?handler=Scenario"] = RouteRule.Denied(AnyId) with { Form = _ => [new("name", "Inkräktare")] },
        ["GET /QualityBonus/Scenarios"] = RouteRule.Denied(),
        ["GET /QualityBonus/Scenarios/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /QualityBonus/Scenarios/Details/{id:guid}?handler=Csv"] = RouteRule.Denied(AnyId),
        ["GET /QualityBonus/Scenarios/Details/{id:guid}?handler=Word"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/bonus-models"] = RouteRule.Denied(),
        ["GET /api/v1/bonus-models/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/bonus-models/{id:guid}/run"] = RouteRule.Denied(AnyId) with { Queries = [_ => "year=2025"] },
        ["GET /api/v1/commissions"] = RouteRule.Denied(),
        ["GET /api/v1/commissions/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/commissions"] = RouteRule.Denied() with { Json = _ => new { title = "Inkräktare", decidedOn = "2026-01-01", paragraph = "1", caseNumber = "KFKS-2026-00001", dueOn = "2030-01-01" } },
        ["PUT /api/v1/commissions/{id:guid}"] = RouteRule.Denied(AnyId) with { Json = _ => new { title = "Inkräktare", decidedOn = "2026-01-01", paragraph = "1", caseNumber = "KFKS-2026-00001", dueOn = "2030-01-01", version = 0 } },
        ["POST /api/v1/commissions/{id:guid}/start"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/commissions/{id:guid}/report"] = RouteRule.Denied(AnyId) with { Json = _ => new { reportedOn = "2026-01-01", summary = "Inkräktare", version = 0 } },
        ["POST /api/v1/commissions/{id:guid}/close"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },

        // The dashboard: counts for the municipality's staff and its committee members, never a provider
        ["GET /Dashboards"] = RouteRule.Denied(),

        // Annual reports: the municipality's staff and its committee members, never a provider
        ["GET /AnnualReports"] = RouteRule.Denied(),
        ["GET /AnnualReports/New"] = RouteRule.Denied(),
        ["POST /AnnualReports/New"] = RouteRule.Denied() with { Form = b => [new("Input.Year", "2025"), new("Input.CommitteeId", b.CommitteeId.ToString())] },
        ["GET /AnnualReports/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /AnnualReports/Details/{id:guid}?handler=Word"] = RouteRule.Denied(AnyId),
        ["POST /AnnualReports/Details/{id:guid}?handler=Write"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Text.Summary", "Inkräktare"), new("Text.Version", "0")] },
        ["POST /AnnualReports/Details/{id:guid}?handler=Submit"] = RouteRule.Denied(AnyId) with { Form = _ => [new("confirmed", "true"), new("version", "0")] },
        ["POST /AnnualReports/Details/{id:guid}?handler=Withdraw"] = RouteRule.Denied(AnyId) with { Form = _ => [new("version", "0")] },
        ["POST /AnnualReports/Details/{id:guid}?handler=Decision"] = RouteRule.Denied(AnyId) with { Form = _ => [new("decidedOn", "2026-01-01"), new("paragraph", "1"), new("caseNumber", "KFKS-2026-00001"), new("version", "0")] },
        ["GET /AnnualReports/Print/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/annual-reports"] = RouteRule.Denied(),
        ["GET /api/v1/annual-reports/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/annual-reports"] = RouteRule.Denied() with { Json = b => new { year = 2025, committeeId = b.CommitteeId } },
        ["PUT /api/v1/annual-reports/{id:guid}/text"] = RouteRule.Denied(AnyId) with { Json = _ => new { summary = "Inkräktare", version = 0 } },
        ["POST /api/v1/annual-reports/{id:guid}/submit"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/annual-reports/{id:guid}/withdraw"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/annual-reports/{id:guid}/decision"] = RouteRule.Denied(AnyId) with { Json = _ => new { decidedOn = "2026-01-01", paragraph = "1", caseNumber = "KFKS-2026-00001", version = 0 } },
        // What is reported to the committee: its final review reports and decided sanctions, for the municipality only.
        ["GET /Reviews/Reported"] = RouteRule.Denied(),
        ["GET /Reviews/Reported/Details/{id:guid}"] = RouteRule.Denied(b => b.ReviewId),
        ["GET /Reviews/Reported/Details/{id:guid}?handler=Docx"] = RouteRule.Denied(b => b.ReviewId),
        ["GET /Sanctions/Decided"] = RouteRule.Denied(),
        ["GET /Sanctions/Decided/Details/{id:guid}"] = RouteRule.Denied(b => b.SanctionId),
        ["GET /api/v1/reviews/reported"] = RouteRule.Denied(),
        ["GET /api/v1/reviews/reported/{id:guid}"] = RouteRule.Denied(b => b.ReviewId),
        ["GET /api/v1/reviews/reported/{id:guid}/report.docx"] = RouteRule.Denied(b => b.ReviewId),
        ["GET /api/v1/sanctions/decided"] = RouteRule.Denied(),
        ["GET /api/v1/sanctions/decided/{id:guid}"] = RouteRule.Denied(b => b.SanctionId),
        ["GET /api/v1/sanctions"] = RouteRule.List(b => $"providerId={b.ProviderId}"),
        ["GET /api/v1/sanctions/{id:guid}"] = RouteRule.Hidden(b => b.SanctionId),
        ["GET /api/v1/sanctions/{id:guid}/memo"] = RouteRule.Hidden(b => b.SanctionId),
        ["GET /api/v1/sanctions/{id:guid}/letter"] = RouteRule.Hidden(b => b.SanctionId),
        ["POST /api/v1/sanctions"] = RouteRule.Denied() with { Json = b => new { actionPlanId = b.ActionPlanId, deficiencyIds = Array.Empty<Guid>(), type = "Remark", motivation = "Inkräktare" } },
        ["POST /api/v1/sanctions/{id:guid}/assessment"] = RouteRule.Hidden(b => b.SanctionId) with { Json = _ => new { outcome = "ToCommittee", version = 0 } },
        ["POST /api/v1/sanctions/{id:guid}/revision"] = RouteRule.Hidden(b => b.SanctionId) with { Json = _ => new { type = "Remark", motivation = "Inkräktare", version = 0 } },
        ["POST /api/v1/sanctions/{id:guid}/decision"] = RouteRule.Hidden(b => b.SanctionId) with { Json = _ => new { decided = true, type = "Remark", decidedOn = "2026-01-01", paragraph = "1", caseNumber = "SOC-2026-00001", version = 0 } },

        // Risk: the municipality's working material; a provider user gets none of it, not even its own units' scores.
        ["GET /Risk"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId" },
        ["GET /Risk/Units/{id:guid}"] = RouteRule.Denied(b => b.UnitId),
        ["GET /Risk/Weights"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId" },
        ["POST /Risk/Weights"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId", Form = _ => [new("Weights[OpenDeficiencies]", "0")] },
        ["GET /Risk/Matrix"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId" },
        ["POST /Risk/Matrix"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId", Form = _ => [new("LikelihoodLabels[0]", "Inkräktare")] },
        ["GET /Risk/Selection"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId", Queries = [_ => "Propose=true&Year=2030&Seed=1"] },
        ["POST /Risk/Selection"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "CommitteeId", Form = _ => [new("Year", "2030"), new("Seed", "1"), new("CentralHours", "100")] },
        ["GET /Risk/Analyses"] = RouteRule.Denied(),
        ["GET /Risk/Analyses/New"] = RouteRule.Denied(),
        ["POST /Risk/Analyses/New"] = RouteRule.Denied(b => b.ChoiceSystemId) with { TargetField = "ChoiceSystemId", Form = _ => [new("Year", "2030")] },
        ["GET /Risk/Analyses/Details/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Risk/Analyses/Details/{id:guid}?handler=Submit"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "0")] },
        ["POST /Risk/Analyses/Details/{id:guid}?handler=Approve"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "0")] },
        ["POST /Risk/Analyses/Details/{id:guid}?handler=Return"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Reason", "Inkräktare"), new("Version", "0")] },
        ["POST /Risk/Analyses/Details/{id:guid}?handler=Reassess"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Reason", "Inkräktare"), new("Version", "0")] },
        ["POST /Risk/Analyses/Details/{id:guid}?handler=Remove"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "0")] },
        ["GET /Risk/Analyses/Item/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /Risk/Analyses/Item/{id:guid}"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Input.Description", "Inkräktare")] },
        ["GET /api/v1/risk/ranking"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId" },
        ["GET /api/v1/risk/units/{id:guid}"] = RouteRule.Denied(b => b.UnitId),
        ["GET /api/v1/risk/committees/{committeeId:guid}/matrix"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId" },
        ["PUT /api/v1/risk/committees/{committeeId:guid}/matrix"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId", Json = _ => new { likelihoodLabels = new[] { "Inkräktare" } } },
        ["GET /api/v1/risk/committees/{committeeId:guid}/weights"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId" },
        ["PUT /api/v1/risk/committees/{committeeId:guid}/weights"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId", Json = _ => new { weights = new { OpenDeficiencies = 0 } } },
        ["GET /api/v1/risk/analyses"] = RouteRule.Denied(),
        ["GET /api/v1/risk/analyses/{id:guid}"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/risk/analyses"] = RouteRule.Denied(b => b.ChoiceSystemId) with { TargetField = "choiceSystemId", Json = b => new { choiceSystemId = b.ChoiceSystemId, year = 2030 } },
        ["POST /api/v1/risk/analyses/{id:guid}/items"] = RouteRule.Denied(AnyId) with { Json = _ => new { description = "Inkräktare", likelihood = 1, consequence = 1, priority = "Low" } },
        ["PUT /api/v1/risk/analyses/{id:guid}/items/{itemId:guid}"] = (RouteRule.Denied(AnyId) with { Json = _ => new { description = "Inkräktare" } }).With("itemId", AnyId),
        ["DELETE /api/v1/risk/analyses/{id:guid}/items/{itemId:guid}"] = (RouteRule.Denied(AnyId) with { Queries = [_ => "version=0"] }).With("itemId", AnyId),
        ["POST /api/v1/risk/analyses/{id:guid}/submission"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/risk/analyses/{id:guid}/approval"] = RouteRule.Denied(AnyId) with { Json = _ => new { version = 0 } },
        ["POST /api/v1/risk/analyses/{id:guid}/return"] = RouteRule.Denied(AnyId) with { Json = _ => new { reason = "Inkräktare", version = 0 } },
        ["POST /api/v1/risk/analyses/{id:guid}/reassessments"] = RouteRule.Denied(AnyId) with { Json = _ => new { reason = "Inkräktare", version = 0 } },
        ["GET /api/v1/risk/selections/{committeeId:guid}/{year:int}"] = (RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId" }),
        ["POST /api/v1/risk/selections/proposal"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId", Json = b => new { committeeId = b.CommitteeId, year = 2030, seed = 1 } },
        ["POST /api/v1/risk/selections"] = RouteRule.Denied(b => b.CommitteeId) with { TargetField = "committeeId", Json = b => new { committeeId = b.CommitteeId, year = 2030, seed = 1 } },

        // Reviews' documents: a provider reads its own communicated report; the meeting notes are the municipality's
        ["GET /Reviews/Documents/Report"] = RouteRule.Hidden(b => b.ReviewId),
        ["GET /Reviews/Documents/MeetingNotes"] = RouteRule.Denied(b => b.ReviewId),
        ["GET /api/v1/reviews/{id:guid}/report.docx"] = RouteRule.Hidden(b => b.ReviewId),
        ["GET /api/v1/reviews/{id:guid}/meeting-notes.docx"] = RouteRule.Denied(b => b.ReviewId),

        // Reviews, preparation and visit: the municipality's work; a provider sees a review only once communicated, and never these
        ["GET /api/v1/reviews/{id:guid}/preparation"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/reviews/{id:guid}/checklist"] = RouteRule.Denied(AnyId),
        ["PUT /api/v1/reviews/{id:guid}/findings"] = RouteRule.Denied(AnyId) with { Json = b => new { unitId = b.UnitId, questionId = Guid.CreateVersion7(), observation = "Inkräktare", assessment = "SeriousDeficiency" } },
        ["PUT /api/v1/reviews/{id:guid}/visit"] = RouteRule.Denied(AnyId) with { Json = _ => new { visitMode = "Digital", visitPlace = "Inkräktare", version = 0 } },
        ["POST /api/v1/reviews/{id:guid}/participants"] = RouteRule.Denied(AnyId) with { Json = _ => new { name = "Inkräktare (fiktiv)", side = "Provider" } },
        ["DELETE /api/v1/reviews/{id:guid}/participants/{participantId:guid}"] = RouteRule.Denied(AnyId).With("participantId", AnyId),
        ["POST /api/v1/reviews/{id:guid}/notes"] = RouteRule.Denied(AnyId) with { Json = _ => new { group = "Staff", text = "Inkräktare" } },
        ["PUT /api/v1/reviews/{id:guid}/meeting-notes"] = RouteRule.Denied(AnyId) with { Json = _ => new { meetingNotes = "Inkräktare", version = 0 } },
        ["GET /Reviews/Visit/Prepare"] = RouteRule.Denied(AnyId),
        ["POST /Reviews/Visit/Prepare?handler=Visit"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Visit.Mode", "Digital"), new("Visit.Place", "Inkräktare"), new("Visit.Version", "0")] },
        ["POST /Reviews/Visit/Prepare?handler=AddParticipant"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Participant.Name", "Inkräktare (fiktiv)"), new("Participant.Side", "Provider")] },
        ["POST /Reviews/Visit/Prepare?handler=RemoveParticipant"] = RouteRule.Denied(AnyId) with { Form = _ => [new("participantId", Guid.CreateVersion7().ToString())] },
        ["GET /Reviews/Visit/Findings"] = RouteRule.Denied(AnyId),
        ["POST /Reviews/Visit/Findings?handler=Finding"] = RouteRule.Denied(AnyId) with { Form = b => [new("UnitId", b.UnitId.ToString()), new("QuestionId", Guid.CreateVersion7().ToString()), new("Assessment", "SeriousDeficiency")] },
        ["GET /Reviews/Visit/Notes"] = RouteRule.Denied(AnyId),
        ["POST /Reviews/Visit/Notes?handler=Note"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Note.Group", "Staff"), new("Note.Text", "Inkräktare")] },
        ["POST /Reviews/Visit/Notes?handler=MeetingNotes"] = RouteRule.Denied(AnyId) with { Form = _ => [new("MeetingNotes.MeetingNotes", "Inkräktare"), new("MeetingNotes.Version", "0")] },

        // Reviews: the municipality's work; a provider reads a communicated report through the portal, never here
        ["GET /api/v1/reviews"] = RouteRule.Denied() with { Queries = [b => $"providerId={b.ProviderId}", b => $"unitId={b.UnitId}"] },
        ["GET /api/v1/reviews/{id:guid}"] = RouteRule.Denied(AnyId),
        ["GET /api/v1/reviews/{id:guid}/independent-reviewer-candidates"] = RouteRule.Denied(AnyId),
        ["POST /api/v1/reviews"] = RouteRule.Denied() with { Json = ReviewOfUnitOf },
        ["POST /api/v1/reviews/{id:guid}/preparation"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/visit-done"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare", version = 1 } },
        ["PUT /api/v1/reviews/{id:guid}/case-number"] = RouteRule.Denied(AnyId) with { Json = _ => new { caseNumber = "KFKS-2026-00999", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/draft"] = RouteRule.Denied(AnyId) with { Json = _ => new { summary = "Inkräktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/draft/reopen"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/communication"] = RouteRule.Denied(AnyId) with { Json = _ => new { responseDueOn = "2099-01-01", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/finalisation"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/closure"] = RouteRule.Denied(AnyId) with { Json = _ => new { comment = "Inkräktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/independent-reviewer"] = RouteRule.Denied(AnyId) with { Json = _ => new { reviewerId = "inkraktare", version = 1 } },
        ["POST /api/v1/reviews/{id:guid}/dispute-conclusion"] = RouteRule.Denied(AnyId) with { Json = _ => new { conclusion = "Inkräktare", version = 1 } },
        ["GET /Reviews"] = RouteRule.Denied() with { Queries = [b => $"ProviderId={b.ProviderId}"] },
        ["GET /Reviews/New"] = RouteRule.Denied(),
        // Review intervals: the municipality's planning of reviews per committee, never a provider's
        ["GET /Reviews/Intervals"] = RouteRule.Denied(),
        ["GET /api/v1/review-intervals"] = RouteRule.Denied(),
        ["POST /Reviews/New"] = RouteRule.Denied() with { Form = ReviewOfUnitOfForm },
        ["GET /Reviews/Details"] = RouteRule.Denied(AnyId),
        ["POST /Reviews/Details?handler=Prepare"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Comment", "Inkräktare"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=VisitDone"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Comment", "Inkräktare"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=CaseNumber"] = RouteRule.Denied(AnyId) with { Form = _ => [new("CaseNumber", "KFKS-2026-00999"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=Draft"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Summary", "Inkräktare"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=Reopen"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "1")] },
        ["POST /Reviews/Details?handler=Communicate"] = RouteRule.Denied(AnyId) with { Form = _ => [new("confirmed", "true"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=Finalise"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "1")] },
        ["POST /Reviews/Details?handler=Close"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Version", "1")] },
        ["POST /Reviews/Details?handler=AssignReviewer"] = RouteRule.Denied(AnyId) with { Form = _ => [new("ReviewerId", "inkraktare"), new("Version", "1")] },
        ["POST /Reviews/Details?handler=ConcludeDispute"] = RouteRule.Denied(AnyId) with { Form = _ => [new("Conclusion", "Inkräktare"), new("Version", "1")] },

        // Account: the caller's own session and tokens
        ["GET /Account/Login"] = RouteRule.NoProviderData("the sign-in form"),
        ["POST /Account/Login"] = RouteRule.NoProviderData("an empty sign-in form gets its field errors"),
        ["POST /Account/Login?handler=External"] = RouteRule.NoProviderData("starts single sign-on, which is off here"),
        ["GET /Account/ExternalCallback"] = RouteRule.NoProviderData("where single sign-on returns; without a login it says so"),
        ["GET /Account/AccessDenied"] = RouteRule.NoProviderData("the refusal page"),
        ["GET /Account/Logout"] = RouteRule.NoProviderData("the sign-out form"),
        ["POST /Account/Logout"] = RouteRule.NoProviderData("signs the caller out") with { OwnSession = true },
        ["GET /Account/Notifications"] = RouteRule.NoProviderData("the caller's own choice of e-mail notices"),
        ["POST /Account/Notifications"] = RouteRule.NoProviderData("saves the caller's own choice") with { Form = _ => [new("Frequency", "DailyDigest")] },
        ["GET /Account/Tokens"] = RouteRule.NoProviderData("the caller's own API tokens"),
        ["POST /Account/Tokens?handler=Create"] = RouteRule.NoProviderData("creates a token for the caller") with { Form = _ => [new("Name", "Egen nyckel")] },
        ["POST /Account/Tokens?handler=Revoke"] = RouteRule.Hidden(b => b.ApiTokenId, field: "tokenId"),

        // Administration
        ["GET /Admin/Users"] = RouteRule.Denied(),
        ["POST /Admin/Users"] = RouteRule.Denied() with { Form = UserForProvider },
        ["GET /Admin/Audit"] = RouteRule.Denied(b => b.UnitId) with { TargetField = "entityId" },
        ["POST /Admin/Audit?handler=Verify"] = RouteRule.Denied(),
        ["POST /Admin/Audit?handler=Checkpoint"] = RouteRule.Denied(),
        ["GET /Admin/Retention"] = RouteRule.Denied(),

        // Everyone
        ["GET /"] = RouteRule.NoProviderData("the start page"),
        ["GET /Error"] = RouteRule.NoProviderData("the error page"),
        ["POST /Error"] = RouteRule.NoProviderData("the error page, re-executed for a failed post"),
        ["GET /Public"] = RouteRule.PublicData("the published register: units of authorised providers are public"),
        ["GET /Public/Accessibility"] = RouteRule.NoProviderData("the accessibility statement"),
        ["GET /Public/Jamfor"] = RouteRule.PublicData("the citizens' comparison: published units, released results, final reviews' dates and results, decided sanctions"),
        ["GET /Public/Oppna-data"] = RouteRule.NoProviderData("the description of the open data files"),
        ["GET /open-data/v1/results.csv"] = RouteRule.PublicData("released, unsuppressed results of published units"),
        ["GET /open-data/v1/results.json"] = RouteRule.PublicData("released, unsuppressed results of published units"),
        ["GET /open-data/v1/units.csv"] = RouteRule.PublicData("the published register's units"),
        ["GET /open-data/v1/units.json"] = RouteRule.PublicData("the published register's units"),
        ["GET /health"] = RouteRule.NoProviderData("the health check"),
        ["GET /openapi/{documentName}.json"] = RouteRule.NoProviderData("the API description"),
    };

    [Fact]
    public async Task EveryRouteHasARule()
    {
        var keys = (await AppRoutes.DiscoverAsync(app.Services)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = keys.Except(Rules.Keys).Order(StringComparer.Ordinal).ToList();
        var stale = Rules.Keys.Except(keys).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0,
            $"These routes have no rule in {nameof(EveryRouteAccessTests)}.{nameof(Rules)}; add one line each saying how a provider user may use it:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
        Assert.True(stale.Count == 0,
            $"These rules name no route the app has (renamed or removed?):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Theory]
    [InlineData(Demo.OmsorgshusetUser, Demo.TryggaHander, Demo.TryggaHanderUser)]
    [InlineData(Demo.TryggaHanderUser, Demo.Omsorgshuset, Demo.OmsorgshusetUser)]
    public async Task AProviderUserReachesNoOtherProvidersDataThroughAnyRoute(string attacker, string victimProvider, string victimUser)
    {
        var failures = await new RouteAccessRun(app, Rules, attacker).AgainstAsync(victimProvider, victimUser);

        Assert.True(failures.Count == 0,
            $"{failures.Count} breach(es) of the access rules by {attacker} against {victimProvider}:{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, failures)}");
    }

    /// <summary>An id for routes a provider user is refused whatever the id.</summary>
    private static Guid AnyId(Victim b) => Guid.CreateVersion7();

    /// <summary>B's matters a portal thread could be about, as the query string of a thread address.</summary>
    private static Func<Victim, string>[] MattersOf() =>
    [
        b => $"matterKind=Complaint&matterId={b.ComplaintId}",
        b => $"matterKind=QualityReport&matterId={b.QualityReportId}",
        b => $"matterKind=Attestation&matterId={b.AttestationId}",
        b => $"matterKind=Review&matterId={b.ReviewId}",
    ];

    private static IEnumerable<KeyValuePair<string, string>> IncidentForUnitOf(Victim b) =>
    [
        new("Input.Kind", "Deviation"), new("Input.Severity", "Minor"), new("Input.OccurredOn", "2026-01-01"),
        new("Input.UnitId", b.UnitId.ToString()), new("Input.Summary", "Inkräktare"), new("Input.Version", "0"),
    ];

    private static object ReviewOfUnitOf(Victim b) =>
        new { type = "QualityReview", title = "Inkräktarens granskning", choiceSystemId = b.ChoiceSystemId, unitIds = new[] { b.UnitId }, plannedFor = "2030-01-01", visitMode = "OnSite" };

    private static IEnumerable<KeyValuePair<string, string>> ReviewOfUnitOfForm(Victim b) =>
    [
        new("Input.Type", "QualityReview"), new("Input.Title", "Inkräktarens granskning"), new("Input.ChoiceSystemId", b.ChoiceSystemId.ToString()),
        new("Input.UnitIds", b.UnitId.ToString()), new("Input.PlannedFor", "2030-01-01"), new("Input.VisitMode", "OnSite"),
    ];

    private static object NewUnitFor(Victim b) => new { name = "Ny enhet i annans namn (fiktiv)", providerId = b.ProviderId, ownership = "Private" };

    private static object TakeOverUnit(Victim b) =>
        new { name = "Övertagen av annan anordnare (fiktiv)", providerId = b.ProviderId, ownership = "Private", version = b.UnitVersion };

    private static IEnumerable<KeyValuePair<string, string>> TakeOverUnitForm(Victim b) =>
    [
        new("Input.Name", "Övertagen av annan anordnare (fiktiv)"), new("Input.ProviderId", b.ProviderId.ToString()),
        new("Input.Ownership", "Private"), new("Input.Version", b.UnitVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<KeyValuePair<string, string>> UserForProvider(Victim b) =>
    [
        new("Input.DisplayName", "Inkräktare (fiktiv)"), new("Input.Email", "inkraktare@uppsikt.example"),
        new("Input.Role", "ProviderUser"), new("Input.ProviderOrganisationNumber", b.OrganisationNumber),
    ];

    private static object CopyOfProvider(Victim b) =>
        new { name = "Övertagen anordnare (fiktiv)", organisationNumber = b.OrganisationNumber, legalForm = "LimitedCompany", ownership = "Private", version = 0 };

    private static IEnumerable<KeyValuePair<string, string>> CopyOfProviderForm(Victim b) =>
    [
        new("Input.Name", "Övertagen anordnare (fiktiv)"), new("Input.OrganisationNumber", b.OrganisationNumber),
        new("Input.LegalForm", "LimitedCompany"), new("Input.Ownership", "Private"), new("Input.Version", "0"),
    ];

    private static object NewPerson(Victim b) => new { name = "Inkräktare (fiktiv)", role = "BoardMember", version = 0 };

    private static object NewSubcontractor(Victim b) => new { name = "Inkräktare (fiktiv)", tier = 1, version = 0 };

    private static object NewAuthorisation(Victim b) =>
        new { providerId = b.ProviderId, choiceSystemId = b.ChoiceSystemId, kind = "Authorisation", status = "Revoked", caseNumber = "KFKS-2026-00999", version = 0 };
}
