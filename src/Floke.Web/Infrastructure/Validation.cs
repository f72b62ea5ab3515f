using FluentValidation;

namespace Floke.Web.Infrastructure;

public static class Validation
{
    /// <summary>Runs a validator and groups its messages by field, or returns null when the input is valid.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync<T>(this IValidator<T> validator, T input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        return result.IsValid
            ? null
            : result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
    }

    /// <summary>Trims a text field and turns blank into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
