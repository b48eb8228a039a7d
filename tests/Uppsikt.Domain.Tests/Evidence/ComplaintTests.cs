using Uppsikt.Domain.Evidence;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class ComplaintTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Complaint New() => new() { Summary = "Fiktivt klagomål", ReceivedOn = Today, Category = ComplaintCategory.Food, Severity = Severity.Minor };

    [Fact]
    public void IsForwardedAnsweredAndClosedInTurn()
    {
        var complaint = New();
        Assert.Equal(EvidenceSource.Complaint, complaint.Source);
        Assert.Equal(Refusal.WrongState("Klagomålet är inte överlämnat till anordnaren."), complaint.Answer("Svar", Today));

        Assert.Equal(Refusal.Invalid("Svarsdatumet kan inte ligga före dagens datum.", "ResponseDueOn"), complaint.Forward(Today.AddDays(-1), Today));
        Assert.Null(complaint.Forward(Today.AddDays(14), Today));
        Assert.Equal(Refusal.WrongState("Klagomålet är redan överlämnat till anordnaren."), complaint.Forward(Today.AddDays(20), Today));
        Assert.False(complaint.IsOverdue(Today.AddDays(14)));
        Assert.True(complaint.IsOverdue(Today.AddDays(15)));

        Assert.Null(complaint.Answer("Vi har kontaktat synpunktslämnaren.", Today.AddDays(15)));
        Assert.Null(complaint.Answer("Vi har också ändrat rutinen.", Today.AddDays(16)));
        Assert.Equal(Today.AddDays(15), complaint.AnsweredOn);
        Assert.False(complaint.AnsweredOnTime);
        Assert.False(complaint.IsOverdue(Today.AddDays(30)));

        Assert.Null(complaint.Close("Åtgärderna räcker.", Today.AddDays(20)));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Refusal.WrongState("Klagomålet är avslutat och kan inte besvaras."), complaint.Answer("Sent", Today.AddDays(21)));
        Assert.Equal(Refusal.WrongState("Klagomålet är redan avslutat."), complaint.Close("Igen", Today.AddDays(21)));
    }

    [Fact]
    public void AnAnswerOnTheDeadlineIsOnTime()
    {
        var complaint = New();
        complaint.Forward(Today.AddDays(7), Today);
        Assert.Null(complaint.AnsweredOnTime);

        complaint.Answer("Svar", Today.AddDays(7));

        Assert.True(complaint.AnsweredOnTime);
    }
}
