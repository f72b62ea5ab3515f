using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Binds values to a prepared SQLite statement as Microsoft.Data.Sqlite stores them (text in the same formats,
/// integers, reals, blobs), without its per-value allocations: through it a parameter's bind allocated a binder object,
/// its name in UTF-8 and the value's text, and each execution a data reader — about 1.3 KB a row, a third of what a
/// 50,000-row CSV import allocated (~300 MB; bench README "Twenty-fifth session"). Text is bound from a stack buffer as
/// UTF-16 (SQLite copies it). <see cref="Supports"/> names the types it takes; <c>SqliteBindingTests</c> holds each to what
/// Microsoft.Data.Sqlite stores for the same value.</summary>
internal static class SqliteBinding
{
    // Microsoft.Data.Sqlite's text formats for the types it stores as text.
    private const string DecimalFormat = "0.0###########################";
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    private static readonly HashSet<Type> Types =
    [
        typeof(string), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(double), typeof(float), typeof(decimal), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid), typeof(byte[]),
    ];

    /// <summary>Whether a column whose provider type is <paramref name="type"/> (nullable or not) can be bound here.</summary>
    public static bool Supports(Type type) => Types.Contains(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>Binds <paramref name="value"/> (a provider value: after the column's value converter) to parameter
    /// <paramref name="index"/> (from 1).</summary>
    public static void Bind(sqlite3 db, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text16(statement, index, s.AsSpan()),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            short s => raw.sqlite3_bind_int64(statement, index, s),
            byte b => raw.sqlite3_bind_int64(statement, index, b),
            sbyte b => raw.sqlite3_bind_int64(statement, index, b),
            ushort s => raw.sqlite3_bind_int64(statement, index, s),
            uint u => raw.sqlite3_bind_int64(statement, index, u),
            double d when !double.IsNaN(d) => raw.sqlite3_bind_double(statement, index, d),
            float f when !float.IsNaN(f) => raw.sqlite3_bind_double(statement, index, f),
            decimal m => Text(statement, index, m, DecimalFormat),
            DateOnly d => Text(statement, index, d, DateFormat),
            DateTime t => Text(statement, index, t, DateTimeFormat),
            DateTimeOffset o => Text(statement, index, o, DateTimeOffsetFormat),
            Guid g => Text(statement, index, g),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"A {value.GetType().Name} value cannot be bound here."),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static int Text<T>(sqlite3_stmt statement, int index, T value, string format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64]; // the longest, a decimal: 29 digits, a sign and a point
        return value.TryFormat(buffer, out var length, format, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text16(statement, index, buffer[..length])
            : raw.sqlite3_bind_text16(statement, index, value.ToString(format, CultureInfo.InvariantCulture).AsSpan());
    }

    /// <summary>A Guid as upper-case text with hyphens, as Microsoft.Data.Sqlite stores it by default.</summary>
    private static int Text(sqlite3_stmt statement, int index, Guid value)
    {
        Span<char> buffer = stackalloc char[36];
        value.TryFormat(buffer, out _, "D");
        System.Text.Ascii.ToUpperInPlace(buffer, out _);
        return raw.sqlite3_bind_text16(statement, index, buffer);
    }
}
