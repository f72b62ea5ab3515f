using FluentValidation;

namespace Floke.Web.Infrastructure;

public static class Validation
{
    /// <summary>Runs a validator and groups its messages by field, or returns null when the input is valid.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync<T>(this IValidator<T> validator, T input, CancellationToken ct) =>
        ByField(await validator.ValidateAsync(input, ct));

    /// <summary>The same for a validator with no asynchronous rules, where a task per input is only cost (a CSV file's rows).</summary>
    public static IReadOnlyDictionary<string, string[]>? Errors<T>(this IValidator<T> validator, T input) => ByField(validator.Validate(input));

    private static Dictionary<string, string[]>? ByField(FluentValidation.Results.ValidationResult result) => result.IsValid
        ? null
        : result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Trims a text field and turns blank into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
