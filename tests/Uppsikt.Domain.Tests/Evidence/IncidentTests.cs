using CsCheck;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class IncidentTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Incident New(IncidentKind kind, Severity severity) =>
        new() { Kind = kind, Severity = severity, Summary = "Fiktiv händelse", OccurredOn = Today, ReportedOn = Today };

    [Theory]
    [InlineData(IncidentKind.LexSarah, Severity.Minor)]
    [InlineData(IncidentKind.LexMaria, Severity.Moderate)]
    [InlineData(IncidentKind.Deviation, Severity.Serious)]
    public void ASeriousIncidentNeedsAStanceOnIvoAndThePoliceBeforeClosing(IncidentKind kind, Severity severity)
    {
        var incident = New(kind, severity);

        var refused = incident.Close("Klar", Today);
        Assert.Equal(Refusal.Invalid("En allvarlig händelse kan inte avslutas förrän ställning har tagits till anmälan till IVO och polisen."), refused);
        Assert.Equal(IncidentStatus.Open, incident.Status);

        Assert.Null(incident.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, "Misstänkt missförhållande.", Today, "Klara", Today));
        Assert.Equal(Refusal.Invalid("En allvarlig händelse kan inte avslutas förrän ställning har tagits till anmälan till polisen."), incident.Close("Klar", Today));

        Assert.Null(incident.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, "Inget brott misstänks.", Today, "Klara", Today));
        Assert.Null(incident.Close("Klar", Today));
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(Today, incident.ClosedOn);
    }

    [Fact]
    public void AMinorDeviationClosesWithoutAnyStance()
    {
        var incident = New(IncidentKind.Deviation, Severity.Moderate);

        Assert.False(incident.IsSerious);
        Assert.Null(incident.Close("Åtgärdad", Today));
        Assert.Equal(Refusal.WrongState("Händelsen är redan avslutad."), incident.Close("Igen", Today));
    }

    [Fact]
    public void EveryStanceNeedsAMotivationAndAStanceCanBeReplacedButNotAfterClosing()
    {
        var incident = New(IncidentKind.LexSarah, Severity.Serious);

        Assert.Equal(Refusal.Invalid("Ange en motivering till ställningstagandet.", "Motivation"),
            incident.RecordStance(ReferralAuthority.Ivo, ReferralDecision.NotReferred, "  ", Today, null, Today));
        Assert.Equal(Refusal.Invalid("Ange en motivering till ställningstagandet.", "Motivation"),
            incident.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, null, Today, null, Today));
        Assert.Empty(incident.Referrals);

        incident.RecordStance(ReferralAuthority.Ivo, ReferralDecision.NotReferred, "Utredningen visar inget missförhållande.", Today, null, Today);
        incident.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, " Ny uppgift om skada. ", Today.AddDays(-1), null, Today);
        var ivo = Assert.Single(incident.Referrals);
        Assert.Equal(ReferralDecision.Referred, ivo.Decision);
        Assert.Equal("Ny uppgift om skada.", ivo.Motivation);

        incident.RecordStance(ReferralAuthority.Police, ReferralDecision.Referred, "Misstänkt brott.", Today, null, Today);
        incident.Close("Klar", Today);
        Assert.Equal(RefusalKind.WrongState, incident.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, "Ändrat", Today, null, Today)?.Kind);
    }

    [Fact]
    public void TheQueryConditionForSeriousIncidentsAgreesWithTheRule() =>
        Gen.Select(Gen.Enum<IncidentKind>(), Gen.Enum<Severity>()).Sample((kind, severity) =>
            Assert.Equal(Incident.IsSeriousIncident(kind, severity), Incident.Serious.Compile()(New(kind, severity))));

    [Fact]
    public void ClosingSucceedsIffNotSeriousOrEveryRequiredStanceIsRecorded()
    {
        var cases = Gen.Select(Gen.Enum<IncidentKind>(), Gen.Enum<Severity>(), Gen.Enum<ReferralAuthority>().HashSet[0, 5], Gen.Bool,
            (kind, severity, stances, referred) => (kind, severity, stances, referred));

        cases.Sample(c =>
        {
            var incident = New(c.kind, c.severity);
            foreach (var authority in c.stances)
            {
                Assert.Null(incident.RecordStance(authority, c.referred ? ReferralDecision.Referred : ReferralDecision.NotReferred, "Skäl", Today, null, Today));
            }
            var serious = c.kind != IncidentKind.Deviation || c.severity == Severity.Serious;
            var expected = !serious || (c.stances.Contains(ReferralAuthority.Ivo) && c.stances.Contains(ReferralAuthority.Police));

            var error = incident.Close("Avslutas", Today);

            Assert.Equal(expected, error is null);
            Assert.True(error is null or { Kind: RefusalKind.Invalid, Field: null });
            Assert.Equal(expected ? IncidentStatus.Closed : IncidentStatus.Open, incident.Status);
        }, iter: 500);
    }
}
