namespace Floke.Web.Core.Organizations;

/// <summary>The Brønnøysund Register Centre's rule for organisation numbers: nine digits, the last a mod-11 check digit.</summary>
public static class OrganizationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Removes the spaces people write in numbers such as "958 935 420".</summary>
    public static string Normalize(string? value) => (value ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();

    public static bool IsValid(string? value)
    {
        var number = Normalize(value);
        if (number.Length != 9 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }
        var check = CheckDigit(number.AsSpan(0, 8));
        return check is not null && check == number[8] - '0';
    }

    /// <summary>The check digit for eight leading digits, or null where the remainder makes no valid number.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstEight)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * Weights[i];
        }
        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }
}
