namespace Floke.Web.Infrastructure;

public enum ResultKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>What a use-case handler answers. Pages and API translate it the same way, so they cannot disagree.</summary>
public sealed class Result<T>
{
    public ResultKind Kind { get; private init; }
    public T? Value { get; private init; }
    /// <summary>Field (PascalCase, as in the command) → messages in the user's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();
    /// <summary>For a conflict: a description of what the other person saved.</summary>
    public string? Detail { get; private init; }

    public bool IsOk => Kind == ResultKind.Ok;

    public static Result<T> Ok(T value) => new() { Kind = ResultKind.Ok, Value = value };
    public static Result<T> NotFound() => new() { Kind = ResultKind.NotFound };
    public static Result<T> Forbidden() => new() { Kind = ResultKind.Forbidden };
    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Kind = ResultKind.Invalid, Errors = errors };
    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Result<T> Conflict(string detail) => new() { Kind = ResultKind.Conflict, Detail = detail };

    /// <summary>Carries a failure over to another result type.</summary>
    public Result<TOther> As<TOther>() => new() { Kind = Kind, Errors = Errors, Detail = Detail };
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);
}
