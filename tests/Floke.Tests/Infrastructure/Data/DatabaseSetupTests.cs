using Floke.Web.Infrastructure.Data;
using Npgsql;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>Floke's PostgreSQL defaults fill in what the operator's connection string leaves out, and never override what it says.</summary>
public class DatabaseSetupTests
{
    [Fact]
    public void PostgresConnectionString_AddsFlokesDefaults_WhereTheOperatorSaysNothing()
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db.example;Database=floke;Username=floke"));
        Assert.Equal(("db.example", "floke"), (b.Host, b.Database));
        Assert.Equal((100, 2), (b.MaxAutoPrepare, b.AutoPrepareMinUsages));
        Assert.True(b.NoResetOnClose);
        Assert.Equal("-c jit=off", b.Options);
    }

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false;Max Auto Prepare=0;Options=-c jit=on")]
    [InlineData("Host=db.example;NoResetOnClose=false;MaxAutoPrepare=0;Options=-c jit=on")]
    public void PostgresConnectionString_KeepsWhatTheOperatorChose(string configured)
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(configured));
        Assert.False(b.NoResetOnClose);
        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.Equal("-c jit=on", b.Options);
    }
}
