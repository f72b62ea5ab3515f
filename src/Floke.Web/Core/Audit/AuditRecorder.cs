using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Floke.Web.Core.Audit;

/// <summary>Turns the pending changes of a DbContext into audit entries, in the same transaction as the change.</summary>
public static class AuditRecorder
{
    public sealed record FieldChange(string Field, string? Before, string? After);

    /// <summary>Collects changes before saving; entries of added rows get their ids after the save (see <see cref="Complete"/>).</summary>
    public static List<(EntityEntry Entry, AuditEntry Audit)> Collect(DbContext db, AuditActor actor, DateTimeOffset now)
    {
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail cannot be changed.");
        }

        var pending = new List<(EntityEntry, AuditEntry)>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var changes = entry.Properties
                .Where(p => IsRecorded(p.Metadata))
                .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                .Select(p => new FieldChange(
                    p.Metadata.Name,
                    entry.State == EntityState.Added ? null : Format(p.OriginalValue),
                    entry.State == EntityState.Deleted ? null : Format(p.CurrentValue)))
                .ToList();
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            pending.Add((entry, new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.Name,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                RootType = "",
                RootId = "",
                Changes = JsonSerializer.Serialize(changes, AuditJson.Stored.ListFieldChange),
            }));
        }
        return pending;
    }

    /// <summary>Makes the entries of rows written without the change tracker
    /// (<see cref="Infrastructure.Data.FlokeDbContext.InsertAuditedAsync{T}"/>), their keys already known: each the same
    /// as <see cref="Collect"/> and <see cref="Complete"/> give an added tracked row. The columns are looked up once for all,
    /// and the JSON is written straight from the row's values into one buffer kept for all (a CSV import makes one entry per
    /// row: through field objects and the serializer they were a fifth of what an import of 50,000 rows allocated). Not for
    /// use from two threads at once.</summary>
    public static Func<T, AuditEntry> Created<T>(IEntityType type, AuditActor actor, DateTimeOffset now) where T : class, IAudited
    {
        var properties = type.GetProperties().Where(IsRecorded).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{type.ClrType.Name}.{shadow.Name} is a shadow property; only a tracked row can record it.");
        }
        var encoder = AuditJson.Stored.Options.Encoder;
        var fields = properties.Select(p => (Name: JsonEncodedText.Encode(p.Name, encoder), Getter: p.GetGetter())).ToArray();
        var key = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToArray();
        var (field, after) = (JsonEncodedText.Encode(nameof(FieldChange.Field), encoder), JsonEncodedText.Encode(nameof(FieldChange.After), encoder));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder });
        return entity =>
        {
            buffer.ResetWrittenCount();
            json.Reset();
            json.WriteStartArray();
            foreach (var (name, getter) in fields)
            {
                json.WriteStartObject();
                json.WriteString(field, name);
                WriteFormatted(json, after, getter.GetClrValue(entity));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.Flush();
            var root = entity.AuditRoot;
            return new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.Name,
                Action = AuditAction.Created,
                EntityType = type.ClrType.Name,
                EntityId = key.Length == 1 ? Format(key[0].GetClrValue(entity))! : string.Join("/", key.Select(k => Format(k.GetClrValue(entity)))),
                RootType = root.Type,
                RootId = root.Id,
                Changes = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan),
            };
        };
    }

    /// <summary>Writes what <see cref="Format"/> gives for <paramref name="value"/>, numbers, dates and times formatted on
    /// the stack; nothing for no value (as the stored JSON leaves out a null).</summary>
    private static void WriteFormatted(Utf8JsonWriter json, JsonEncodedText name, object? value)
    {
        if (value is null)
        {
            return;
        }
        Span<char> text = stackalloc char[64];
        if (TryFormat(value, text, out var written))
        {
            json.WriteString(name, text[..written]);
        }
        else if (Format(value) is { } other)
        {
            json.WriteString(name, other);
        }
    }

    /// <summary>How a value is written in the audit trail, into <paramref name="text"/> where it has a span format: dates
    /// and times round-trip ("O"), other numbers and enums invariant. One rule for <see cref="Format"/> and
    /// <see cref="WriteFormatted"/>.</summary>
    private static bool TryFormat(object value, Span<char> text, out int written)
    {
        written = 0;
        return value switch
        {
            DateTimeOffset d => d.TryFormat(text, out written, "O", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly d => d.TryFormat(text, out written, "O", System.Globalization.CultureInfo.InvariantCulture),
            ISpanFormattable f => f.TryFormat(text, out written, default, System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
    }

    /// <summary>Fills in the keys that the database generated for added rows.</summary>
    public static void Complete(IEnumerable<(EntityEntry Entry, AuditEntry Audit)> pending)
    {
        foreach (var (entry, audit) in pending)
        {
            var root = ((IAudited)entry.Entity).AuditRoot;
            audit.RootType = root.Type;
            audit.RootId = root.Id;
            audit.EntityId = KeyOf(entry);
            if (audit.Action == AuditAction.Created)
            {
                var changes = JsonSerializer.Deserialize(audit.Changes, AuditJson.Stored.ListFieldChange)!;
                audit.Changes = JsonSerializer.Serialize([.. changes.Select(c => c with { After = Format(entry.Property(c.Field).CurrentValue) })], AuditJson.Stored.ListFieldChange);
            }
        }
    }

    public static IReadOnlyList<FieldChange> Parse(string changes) =>
        JsonSerializer.Deserialize(changes, AuditJson.Stored.ListFieldChange) ?? [];

    /// <summary>Every column of the row is recorded (foreign keys the model keeps out of the class too), but not its version.</summary>
    private static bool IsRecorded(IReadOnlyProperty p) => (!p.IsShadowProperty() || p.IsForeignKey()) && p.Name != "Version";

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static string? Format(object? value)
    {
        if (value is null)
        {
            return null;
        }
        Span<char> text = stackalloc char[64];
        return TryFormat(value, text, out var written) ? new string(text[..written])
            : value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
    }
}

/// <summary>The audit trail's JSON, generated at compile time. As stored it leaves out a value that is not there (a new
/// row has no "before", a deleted one no "after": read back, both are null as before) and writes text as it is rather than
/// as \u escapes (æ, ø, å and the + of a time zone took six characters each). Entries written before read the same. The
/// text goes nowhere unencoded: pages encode it, the API writes it again with its own encoder. A measurement's entry
/// shrank from ~510 to ~380 characters — a CSV import writes one per row.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<AuditRecorder.FieldChange>))]
internal sealed partial class AuditJson : System.Text.Json.Serialization.JsonSerializerContext
{
    /// <summary>The generated options with the relaxed encoder (which the generation options cannot name); the rest the
    /// same as generated, so the generated writer serves.</summary>
    public static AuditJson Stored { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
