using CsCheck;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;

namespace Uppsikt.Domain.Tests.Referrals;

/// <summary>The one rule on stances on referral (rule 4), as complaints and every other matter take it.</summary>
public sealed class ReferralRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Complaint Complaint(Severity severity) =>
        new() { Summary = "Fiktivt klagomål", ReceivedOn = Today, Category = ComplaintCategory.Care, Severity = severity };

    [Fact]
    public void ASeriousComplaintClosesOnlyWithStancesOnIvoAndThePolice()
    {
        var complaint = Complaint(Severity.Serious);

        Assert.Equal(Refusal.Invalid("Ett allvarligt klagomål kan inte avslutas förrän ställning har tagits till anmälan till IVO och polisen."),
            complaint.Close("Klart", Today));
        Assert.Equal(ComplaintStatus.Registered, complaint.Status);

        Assert.Null(complaint.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, "Inget brott misstänks.", Today, "Klara", Today));
        Assert.Equal(Refusal.Invalid("Ett allvarligt klagomål kan inte avslutas förrän ställning har tagits till anmälan till IVO."),
            complaint.Close("Klart", Today));

        Assert.Null(complaint.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, "Allvarligt missförhållande.", Today.AddDays(-2), "Klara", Today));
        Assert.Null(complaint.Close("Klart", Today));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Refusal.WrongState("Ärendet är avslutat; ställningstagandet om anmälan kan inte ändras."),
            complaint.RecordStance(ReferralAuthority.Ivo, ReferralDecision.NotReferred, "Ändrat.", Today, "Klara", Today));
    }

    [Fact]
    public void TheTaxAgencyAndTheOtherEconomicAuthoritiesAreOptional()
    {
        var complaint = Complaint(Severity.Serious);

        Assert.Null(complaint.RecordStance(ReferralAuthority.TaxAgency, ReferralDecision.Referred, "Misstänkta svartlöner (fiktivt).", Today, null, Today));
        Assert.Null(complaint.RecordStance(ReferralAuthority.SocialInsuranceAgency, ReferralDecision.NotReferred, "Ingen misstanke om felaktiga utbetalningar.", Today, null, Today));
        Assert.Equal([ReferralAuthority.Ivo, ReferralAuthority.Police], complaint.MissingStances());
        Assert.NotNull(complaint.Close("Klart", Today));

        Assert.Null(complaint.RecordStance(ReferralAuthority.Ivo, ReferralDecision.NotReferred, "Inget missförhållande.", Today, null, Today));
        Assert.Null(complaint.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, "Inget brott.", Today, null, Today));
        Assert.Empty(complaint.MissingStances());
        Assert.Null(complaint.Close("Klart", Today));
    }

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Moderate)]
    public void AMatterThatIsNotSeriousClosesWithoutStances(Severity severity)
    {
        var complaint = Complaint(severity);

        Assert.Empty(complaint.RequiredStances());
        Assert.Null(complaint.Close("Klart", Today));
    }

    [Fact]
    public void AStanceNeedsAMotivationAKnownAuthorityAndDecisionAndADayNotInTheFuture()
    {
        var complaint = Complaint(Severity.Serious);

        Assert.Equal(Refusal.Invalid("Ange en motivering till ställningstagandet.", "Motivation"),
            complaint.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, null, Today, null, Today));
        Assert.Equal(Refusal.Invalid("Ange en motivering till ställningstagandet.", "Motivation"),
            complaint.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, " \n ", Today, null, Today));
        Assert.Equal(Refusal.Invalid("Datumet kan inte ligga i framtiden.", "DecidedOn"),
            complaint.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, "Anmäls.", Today.AddDays(1), null, Today));
        Assert.Equal("Authority", complaint.RecordStance((ReferralAuthority)9, ReferralDecision.Referred, "Anmäls.", Today, null, Today)?.Field);
        Assert.Equal("Decision", complaint.RecordStance(ReferralAuthority.Ivo, (ReferralDecision)0, "Anmäls.", Today, null, Today)?.Field);
        Assert.Empty(complaint.Referrals);
    }

    [Fact]
    public void TheMissingStancesAreTheRequiredOnesWithoutAStanceWhateverIsRecorded()
    {
        var cases = Gen.Select(Gen.Enum<Severity>(), Gen.Enum<ReferralAuthority>().Array[0, 8], Gen.Bool,
            (severity, stances, closeAtEnd) => (severity, stances, closeAtEnd));

        cases.Sample(c =>
        {
            var complaint = Complaint(c.severity);
            foreach (var authority in c.stances)
            {
                Assert.Null(complaint.RecordStance(authority, ReferralDecision.NotReferred, "Motivering.", Today, null, Today));
            }

            // One stance per authority, however often it was recorded.
            Assert.Equal(c.stances.Distinct().Count(), complaint.Referrals.Count);
            var expected = c.severity == Severity.Serious
                ? ReferralRules.Required.Where(a => !c.stances.Contains(a)).ToList() : [];
            Assert.Equal(expected, complaint.MissingStances());
            Assert.Equal(expected.Count == 0, complaint.Close("Klart", Today) is null);
            Assert.Equal(expected.Count == 0, complaint.IsClosed);
        }, iter: 500);
    }
}
