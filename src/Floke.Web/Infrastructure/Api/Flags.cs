namespace Floke.Web.Infrastructure.Api;

/// <summary>Flag sets travel in the API and in forms as lists of names, which OpenAPI can describe exactly.</summary>
public static class Flags
{
    public static T Combine<T>(IEnumerable<T>? values) where T : struct, Enum =>
        (T)Enum.ToObject(typeof(T), (values ?? []).Aggregate(0L, (acc, v) => acc | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));

    public static T[] Split<T>(T value) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(v))];

    /// <summary>Every defined flag of <typeparamref name="T"/> together: a value with any other bit is not one we know.</summary>
    public static T All<T>() where T : struct, Enum => Combine(Enum.GetValues<T>());
}
