using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Register;

public sealed class AuthorisationTests
{
    private static readonly DateOnly Day = new(2025, 3, 15);

    [Fact]
    public void AnActiveAuthorisationWithoutDatesIsInForceAnyDay()
    {
        var authorisation = new Authorisation { Status = AuthorisationStatus.Active };

        Assert.True(authorisation.IsInForce(Day));
        Assert.True(authorisation.IsInForce(DateOnly.MinValue));
        Assert.True(authorisation.IsInForce(DateOnly.MaxValue));
    }

    [Fact]
    public void ValidFromAndValidToAreBothInclusive()
    {
        var authorisation = new Authorisation { Status = AuthorisationStatus.Active, ValidFrom = Day, ValidTo = Day.AddDays(10) };

        Assert.False(authorisation.IsInForce(Day.AddDays(-1)));
        Assert.True(authorisation.IsInForce(Day));
        Assert.True(authorisation.IsInForce(Day.AddDays(10)));
        Assert.False(authorisation.IsInForce(Day.AddDays(11)));
    }

    [Theory]
    [InlineData(AuthorisationStatus.Applied)]
    [InlineData(AuthorisationStatus.Suspended)]
    [InlineData(AuthorisationStatus.Revoked)]
    [InlineData(AuthorisationStatus.Terminated)]
    public void OnlyAnActiveAuthorisationIsInForce(AuthorisationStatus status)
    {
        var authorisation = new Authorisation { Status = status, ValidFrom = Day.AddYears(-1), ValidTo = Day.AddYears(1) };

        Assert.False(authorisation.IsInForce(Day));
    }

    [Fact]
    public void ValidToBeforeValidFromIsRefusedInSwedish()
    {
        var authorisation = new Authorisation { ValidFrom = Day, ValidTo = Day.AddDays(-1) };

        Assert.Equal("Giltig till kan inte vara före giltig från.", authorisation.ValidateDates()?.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void DatesInOrderOrOpenEndedAreAccepted(int? daysValid)
    {
        var authorisation = new Authorisation { ValidFrom = Day, ValidTo = daysValid is { } days ? Day.AddDays(days) : null };

        Assert.Null(authorisation.ValidateDates());
        Assert.Null(new Authorisation { ValidTo = Day }.ValidateDates());
    }
}
