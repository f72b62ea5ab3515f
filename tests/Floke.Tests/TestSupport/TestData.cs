using Floke.Web.Core.Organizations;

namespace Floke.Tests.TestSupport;

/// <summary>Unique, valid test values, so tests sharing a database never collide.</summary>
public static class TestData
{
    private static int _counter = Random.Shared.Next(1_000_000, 9_000_000);

    /// <summary>A valid organisation number no other test has used in this run.</summary>
    public static string OrganizationNumber()
    {
        while (true)
        {
            var first = $"9{Interlocked.Increment(ref _counter):D7}";
            if (Floke.Web.Core.Organizations.OrganizationNumber.CheckDigit(first) is { } check)
            {
                return first + check;
            }
        }
    }

    public static string Email(string who = "user") => $"{who}-{Guid.NewGuid():N}@test.floke.no";

    /// <summary>A password that meets the policy: long and not common.</summary>
    public const string Password = "Fjellbekken renner stille forbi 42 hytter";

    public static string Token() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A made-up word for search tests, found only where a test put it: a letter, then a token with no "e" (the
    /// Norwegian stemmer strips endings such as "-e" and "-ene", so the word is searched and marked as written).</summary>
    public static string Word(char first) => first + Token().Replace("e", "x");

    public static object Organization(string? number = null, string? name = null, OrganizationKind kind = OrganizationKind.Municipality,
        string? municipality = "0301") => new
    {
        name = name ?? $"Testkommune {Token()}",
        organizationNumber = number ?? OrganizationNumber(),
        kind = kind.ToString(),
        municipalityNumber = municipality,
    };

    /// <summary>A new municipality row to add straight to the database, named "<paramref name="name"/> …" uniquely.</summary>
    public static Organization OrganizationRow(string name) => new()
    {
        Name = $"{name} {Token()}", OrganizationNumber = OrganizationNumber(), Kind = OrganizationKind.Municipality, CreatedAt = DateTimeOffset.UtcNow,
    };

    public static object Need(int owner, string? title = null) => new
    {
        ownerOrganizationId = owner,
        title = title ?? $"Innbyggere venter for lenge {Token()}",
        affectedGroups = new[] { "Citizens" },
        userExperience = "De må ringe tre kontorer og forklare det samme hver gang.",
        currentSituation = "Hvert kontor har sitt eget system.",
        sectors = new[] { "Health", "Welfare" },
        levels = new[] { "Municipality" },
    };

    public static object Initiative(int owner, string? title = null, int[]? needIds = null) => new
    {
        ownerOrganizationId = owner,
        title = title ?? $"Digital trygghetsalarm med fallsensor {Token()}",
        summary = "Vi prøver ut sensorer som varsler hjemmetjenesten når en eldre faller.",
        measures = new[] { "Experiments", "Collaboration" },
        innovationTypes = new[] { "Service", "Technology" },
        oecdFacet = "Enhancement",
        novelty = "NewToUs",
        budgetNok = 1250000.50m,
        startDate = "2026-01-01",
        endDate = "2027-06-30",
        needIds = needIds ?? [],
    };
}
