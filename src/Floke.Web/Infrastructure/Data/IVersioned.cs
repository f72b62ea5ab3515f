using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Infrastructure.Data;

/// <summary>An editable object protected by optimistic concurrency: every save increments <see cref="Version"/>,
/// and a save carrying a stale version fails instead of overwriting the other person's change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class DerivedProperty
{
    private const string Annotation = "Floke:Derived";

    /// <summary>Marks a property that is computed from other rows (e.g. a benefit's latest measurement). Changing only
    /// such properties does not bump <see cref="IVersioned.Version"/>, so a new measurement does not turn someone's open
    /// edit of the benefit into a conflict.</summary>
    public static PropertyBuilder<T> IsDerived<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static bool IsDerived(this IReadOnlyProperty property) => property.FindAnnotation(Annotation) is not null;
}
