using Npgsql;
using Uppsikt.Data;

namespace Uppsikt.Web.Tests;

/// <summary>How the app's PostgreSQL connection string is completed: statements are prepared unless the operator says otherwise.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void AConnectionStringWithoutASettingGetsAutomaticPreparation()
    {
        var completed = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=uppsikt;Username=uppsikt;Password=secret"));
        Assert.Equal(100, completed.MaxAutoPrepare);
        Assert.Equal(2, completed.AutoPrepareMinUsages);
        Assert.Equal("secret", completed.Password);
        Assert.Equal("uppsikt", completed.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=uppsikt;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=uppsikt;MaxAutoPrepare=20", 20)]
    [InlineData("Host=db;Database=uppsikt;max auto prepare=5", 5)]
    public void TheOperatorsOwnFigureIsKeptAndZeroTurnsItOff(string connectionString, int expected)
    {
        Assert.Equal(connectionString, DatabaseSetup.WithAutoPrepare(connectionString));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare(connectionString)).MaxAutoPrepare);
    }
}
