using CsCheck;
using Uppsikt.Domain.Cycle;

namespace Uppsikt.Domain.Tests.Cycle;

public sealed class AnnualCycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 2, 29, 2026, 2, 28)]
    [InlineData(2028, 2, 29, 2028, 2, 29)]
    [InlineData(2026, 4, 30, 2026, 4, 30)]
    [InlineData(2026, 12, 31, 2026, 12, 31)]
    public void AYearlyDateFallsOnTheDayOrTheLastDayOfItsMonth(int year, int month, int day, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), new YearlyDate(month, day).In(year));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(4, 31)]
    [InlineData(2, 30)]
    [InlineData(1, 0)]
    public void ADayThatNoYearHasIsInvalid(int month, int day)
    {
        var date = new YearlyDate(month, day);

        Assert.False(date.IsValid);
        Assert.Throws<InvalidOperationException>(() => date.In(2026));
    }

    [Fact]
    public void AValidYearlyDateLandsInItsYearAndMonthOnOrBeforeItsDay() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[1900, 2200])
            .Where((month, day, _) => new YearlyDate(month, day).IsValid)
            .Sample((month, day, year) =>
            {
                var date = new YearlyDate(month, day).In(year);
                return date.Year == year && date.Month == month && date.Day <= day
                    && (date.Day == day || date.Day == DateTime.DaysInMonth(year, month));
            });

    [Fact]
    public void ApplyingATemplateMakesOneTaskPerStepDueOnTheStepsDayInTheYear()
    {
        var template = CycleTemplates.SocialServices();
        var committee = Guid.CreateVersion7();

        var cycle = AnnualCycle.Apply(template, committee, 2027, step => "owner-" + step.Position, Now);

        Assert.Equal(template.Name, cycle.Name);
        Assert.Equal(2027, cycle.Year);
        Assert.Equal([1, 2, 3, 4, 5], cycle.Tasks.Select(t => t.Position));
        Assert.Equal(
            [new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 8, 31), new DateOnly(2027, 10, 31), new DateOnly(2027, 12, 31)],
            cycle.Tasks.Select(t => t.DueOn));
        Assert.All(cycle.Tasks, t => Assert.Equal(CycleTaskStatus.Open, t.Status));
        Assert.All(cycle.Tasks, t => Assert.Equal("owner-" + t.Position, t.OwnerUserId));
        Assert.All(cycle.Tasks, t => Assert.Equal(cycle.Id, t.CycleId));
    }

    [Fact]
    public void TheLabourMarketTemplateHasTheEightStepsOfSeed003InOrder()
    {
        var template = CycleTemplates.LabourMarket();

        Assert.Equal(8, template.Steps.Count);
        Assert.Equal(Enumerable.Range(1, 8), template.OrderedSteps.Select(s => s.Position));
        Assert.StartsWith("Planera tema", template.OrderedSteps.First().Title, StringComparison.Ordinal);
        Assert.StartsWith("Analysera och utveckla", template.OrderedSteps.Last().Title, StringComparison.Ordinal);
        Assert.All(template.Steps, s => Assert.True(s.Due.IsValid));
    }

    [Fact]
    public void MovingAndRemovingStepsKeepsPositionsOneToN()
    {
        var template = CycleTemplates.LabourMarket();
        var ordered = template.OrderedSteps.ToList();

        Assert.True(template.Move(ordered[2].Id, -1));
        Assert.False(template.Move(ordered[0].Id, 0));
        Assert.False(template.Move(template.OrderedSteps.Last().Id, 1));
        Assert.True(template.Remove(ordered[0].Id));

        Assert.Equal(Enumerable.Range(1, 7), template.OrderedSteps.Select(s => s.Position));
        Assert.Equal(ordered[2].Id, template.OrderedSteps.First().Id);
        Assert.Equal(ordered[1].Id, template.OrderedSteps.ElementAt(1).Id);
    }

    [Fact]
    public void ATaskIsOverdueExactlyWhenItIsOpenAndItsDueDayHasPassed() =>
        Gen.Select(Gen.Int[-400, 400], Gen.Bool, Gen.Int[0, 30])
            .Sample((daysFromToday, done, window) =>
            {
                var today = new DateOnly(2026, 6, 15);
                var task = new CycleTask { Title = "Steg", OwnerUserId = "u", DueOn = today.AddDays(daysFromToday) };
                if (done)
                {
                    task.Complete(null, Now);
                }
                var overdue = task.IsOverdue(today);
                var dueSoon = task.IsDueWithin(today, window);
                return overdue == (!done && daysFromToday < 0)
                    && dueSoon == (!done && daysFromToday >= 0 && daysFromToday <= window)
                    && !(overdue && dueSoon);
            });

    [Fact]
    public void CompletingATaskRecordsTheNoteAndTheTime()
    {
        var task = new CycleTask { Title = "Steg", OwnerUserId = "u", DueOn = new DateOnly(2026, 1, 1) };

        task.Complete("Klart (fiktiv)", Now);

        Assert.Equal(CycleTaskStatus.Done, task.Status);
        Assert.Equal("Klart (fiktiv)", task.CompletionNote);
        Assert.Equal(Now, task.CompletedAt);
        Assert.False(task.IsOverdue(new DateOnly(2026, 12, 31)));
    }
}
