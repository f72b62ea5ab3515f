namespace Floke.Web.Infrastructure.Data;

/// <summary>An editable object protected by optimistic concurrency: every save increments <see cref="Version"/>,
/// and a save carrying a stale version fails instead of overwriting the other person's change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
