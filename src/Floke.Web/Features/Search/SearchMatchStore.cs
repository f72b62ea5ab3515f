using System.Buffers;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Search;

/// <summary>The public matches of common words, kept in the database: a word found in tens of thousands of documents
/// costs 50–300 ms to read, rank and facet from the full-text index (every match is ranked), and reading its kept matches
/// a few milliseconds. Each kept set is exact when read: beside it is the position of the change log
/// (<c>SearchChanges</c>, one row for each search document inserted, updated or deleted, written by database triggers in
/// the writing transaction) at the moment its matches were read, and a reader takes out the documents changed since and
/// reads those again from the index (and keeps the set so brought up to date when they were many). A set with more than
/// <see cref="MaxChanges"/> changed documents since is read anew from the index and kept again. Sets are kept for single
/// words with at least <c>Floke:Search:KeepMatchesFrom</c> (default <see cref="DefaultKeepFrom"/>) public matches — when
/// first asked, and for every such word when the index is rebuilt (<see cref="SearchQueries.KeepCommonWordsAsync"/>) — so
/// even the first ask of a common word is read from them. Beside each set are its facet counts (<see cref="FacetTally"/>):
/// a page of the word without filters is the set's matches at the page and those counts (<see cref="ReadSliceAsync"/>), read
/// without the rest of the set — and with the documents changed since taken out, which needs the set read through once
/// only when one of them is older than the set (<see cref="TakeOutAsync"/>).
/// On SQLite the position is the log's last sequence number (one writer at a time, so the log is in commit order); on
/// PostgreSQL, whose writers commit out of sequence order, it is the reader's snapshot, and the changes since are those
/// of transactions that snapshot did not see.</summary>
internal static class SearchMatchStore
{
    public const int DefaultKeepFrom = 5_000;

    /// <summary><c>Floke:Search:KeepMatchesFrom</c>: how many public matches a single word needs for its set to be kept (0:
    /// none kept).</summary>
    public static int KeepFrom(IConfiguration config) => config.GetValue("Floke:Search:KeepMatchesFrom", DefaultKeepFrom);

    /// <summary>More documents changed than this since a set was kept, and it is read anew. (Reading 2,000 new documents
    /// of a word found in 89,000 from the index took 4.5 ms on SQLite; reading all its matches, 90–150 ms.)</summary>
    public const int MaxChanges = 2_000;

    /// <summary>A set brought up to date from this many changed documents or more is kept again as it now is (written again
    /// at most once per this many changes).</summary>
    public const int KeepAgainFrom = 100;

    /// <summary>How many of the newest changes the log keeps (older ones are only needed by sets that would be read anew).</summary>
    public const int KeptChanges = 10 * MaxChanges;

    /// <summary>The format of a kept set, in its key: a change to <see cref="SearchQueries.Match"/>'s layout changes it.</summary>
    private const string Format = "1";

    /// <summary>How often the log drops its oldest changes: at every this many changes, down to the newest <see cref="KeptChanges"/>.</summary>
    public const int PruneEvery = 1_000;

    public static readonly string SqliteCreateTables = $$"""
        CREATE TABLE "SearchChanges" ("Seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "DocumentId" INTEGER NOT NULL);
        CREATE TABLE "SearchMatchSets" ("Key" TEXT NOT NULL PRIMARY KEY, "Position" TEXT NOT NULL, "Matches" BLOB NOT NULL);
        CREATE TRIGGER "SearchChanges_prune" AFTER INSERT ON "SearchChanges" WHEN new."Seq" % {{PruneEvery}} = 0
        BEGIN DELETE FROM "SearchChanges" WHERE "Seq" <= new."Seq" - {{KeptChanges}}; END;
        """;

    public const string SqliteCreateTriggers = """
        CREATE TRIGGER IF NOT EXISTS "SearchDocuments_changes_ai" AFTER INSERT ON "SearchDocuments" BEGIN INSERT INTO "SearchChanges"("DocumentId") VALUES (new."Id"); END;
        CREATE TRIGGER IF NOT EXISTS "SearchDocuments_changes_au" AFTER UPDATE ON "SearchDocuments" BEGIN INSERT INTO "SearchChanges"("DocumentId") VALUES (old."Id"); END;
        CREATE TRIGGER IF NOT EXISTS "SearchDocuments_changes_ad" AFTER DELETE ON "SearchDocuments" BEGIN INSERT INTO "SearchChanges"("DocumentId") VALUES (old."Id"); END;
        """;

    public const string SqliteDropTriggers = """
        DROP TRIGGER IF EXISTS "SearchDocuments_changes_ai"; DROP TRIGGER IF EXISTS "SearchDocuments_changes_au"; DROP TRIGGER IF EXISTS "SearchDocuments_changes_ad";
        """;

    /// <summary>The full-text index's documents per indexed form, to find the common words (FTS5's own table of them).</summary>
    public const string SqliteCreateVocabulary = """CREATE VIRTUAL TABLE "SearchFtsVocabulary" USING fts5vocab("SearchFts", 'row');""";

    public const string SqliteDrop = SqliteDropTriggers + """DROP TABLE "SearchFtsVocabulary"; DROP TABLE "SearchMatchSets"; DROP TABLE "SearchChanges";""";

    public static readonly string PostgresCreate = $$$"""
        CREATE TABLE "SearchChanges" ("Seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "Xid" xid8 NOT NULL DEFAULT pg_current_xact_id(), "DocumentId" integer NOT NULL);
        CREATE INDEX "IX_SearchChanges_Xid" ON "SearchChanges" ("Xid");
        CREATE TABLE "SearchMatchSets" ("Key" text NOT NULL PRIMARY KEY, "Position" text NOT NULL, "Matches" bytea NOT NULL);
        CREATE FUNCTION "SearchDocuments_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO "SearchChanges"("DocumentId") VALUES (CASE WHEN TG_OP = 'INSERT' THEN NEW."Id" ELSE OLD."Id" END);
          RETURN NULL;
        END $$;
        CREATE FUNCTION "SearchChanges_prune"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM "SearchChanges" WHERE "Seq" <= NEW."Seq" - {{{KeptChanges}}};
          RETURN NULL;
        END $$;
        CREATE TRIGGER "SearchChanges_prune" AFTER INSERT ON "SearchChanges" FOR EACH ROW WHEN (NEW."Seq" % {{{PruneEvery}}} = 0) EXECUTE FUNCTION "SearchChanges_prune"();
        CREATE TRIGGER "SearchDocuments_changes" AFTER INSERT OR UPDATE OR DELETE ON "SearchDocuments" FOR EACH ROW EXECUTE FUNCTION "SearchDocuments_changed"();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER "SearchDocuments_changes" ON "SearchDocuments"; DROP FUNCTION "SearchDocuments_changed"();
        DROP TABLE "SearchMatchSets"; DROP TABLE "SearchChanges"; DROP FUNCTION "SearchChanges_prune"();
        """;

    /// <summary>Stops logging changes while the index is rebuilt (a million rows deleted and written, and every kept set
    /// dropped with them); <see cref="ResumeAsync"/> starts it again.</summary>
    public static async Task PauseAsync(FlokeDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? """ALTER TABLE "SearchDocuments" DISABLE TRIGGER "SearchDocuments_changes";"""
            : SqliteDropTriggers, ct);

    /// <summary>Drops every kept set and the log, and logs changes again.</summary>
    public static async Task ResumeAsync(FlokeDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchMatchSets"; DELETE FROM "SearchChanges";""", ct);
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? """ALTER TABLE "SearchDocuments" ENABLE TRIGGER "SearchDocuments_changes";"""
            : SqliteCreateTriggers, ct);
    }

    /// <summary>Logs changes again if a rebuild was interrupted (the kept sets may have missed changes: they are dropped).</summary>
    public static async Task EnsureLoggingAsync(FlokeDbContext db, CancellationToken ct)
    {
        var logging = await db.ScalarAsync<long>(db.IsPostgres
            ? """SELECT count(*) FROM pg_trigger WHERE tgname = 'SearchDocuments_changes' AND tgenabled <> 'D'"""
            : """SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'SearchDocuments_changes_%'""", ct);
        if (logging < (db.IsPostgres ? 1 : 3))
        {
            await ResumeAsync(db, ct);
        }
    }

    /// <summary>A single word's key: the forms it is searched under (as written, folded and corrected).</summary>
    public static string Key(string[] alternatives) => KeyOfTerms(alternatives.SelectMany(NorwegianText.Forms));

    /// <summary>The key of the index's <paramref name="terms"/> (stems) searched as they are.</summary>
    public static string KeyOfTerms(IEnumerable<string> terms) => Format + ":" + string.Join('|', terms.Distinct().Order(StringComparer.Ordinal));

    /// <summary>Where the change log is now: read before the matches that are kept with it.</summary>
    public static async Task<string> PositionAsync(FlokeDbContext db, CancellationToken ct) => await db.ScalarAsync<string>(db.IsPostgres
        ? """SELECT pg_current_snapshot()::text"""
        : """SELECT CAST(coalesce(max("Seq"), 0) AS TEXT) FROM "SearchChanges" """, ct);

    /// <summary>The kept set of <paramref name="key"/> and its position, or null.</summary>
    public static async Task<(SearchQueries.Match[] Matches, string Position)?> ReadAsync(FlokeDbContext db, string key, CancellationToken ct)
    {
        // Read without a copy of the blob first (a common word's set is megabytes: garbage in the large object heap at every
        // read): see MatchesAsync.
        var sql = db.IsPostgres
            ? """SELECT "Position", octet_length("Matches")::int8, "Matches" FROM "SearchMatchSets" WHERE "Key" = {0}"""
            : """SELECT "Position", length("Matches"), rowid FROM "SearchMatchSets" WHERE "Key" = {0}""";
        await using var relational = await db.ReadRawAsync(sql, [key], ct, sequential: true);
        var reader = relational.DbDataReader;
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var position = reader.GetString(0);
        var matches = new SearchQueries.Match[reader.GetInt64(1) / Unsafe.SizeOf<SearchQueries.Match>()];
        await ReadIntoAsync(db, reader, 2, 0, matches, ct);
        return (matches, position);
    }

    /// <summary>The head of the SQL that reads a slice of a set (on SQLite it reads as a whole set's does; the blob is read
    /// as far as needed).</summary>
    public const string Slice = "-- A slice of a kept set\n";

    /// <summary><paramref name="key"/>'s kept set's facet counts, position and highest document id, or null — without
    /// reading its matches.</summary>
    public static async Task<(FacetTally Tally, string Position, int LastId)?> ReadHeadAsync(FlokeDbContext db, string key, CancellationToken ct)
    {
        await using var relational = await db.ReadRawAsync("""SELECT "Position", "LastId", "Counts" FROM "SearchMatchSets" WHERE "Key" = {0}""", [key], ct);
        var reader = relational.DbDataReader;
        return await reader.ReadAsync(ct)
            ? (FacetTally.FromBytes(await reader.GetFieldValueAsync<byte[]>(2, ct)), reader.GetString(0), reader.GetInt32(1))
            : null;
    }

    /// <summary>The matches <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of
    /// <paramref name="key"/>'s kept set (fewer at its end; a set is kept in order, best first) and its position, or null — without reading the rest of the set: SQLite reads only the blob's pages that hold them,
    /// PostgreSQL sends that slice of the value (stored uncompressed, so it fetches only the slice's chunks).</summary>
    public static async Task<(SearchQueries.Match[] Matches, string Position)?> ReadSliceAsync(FlokeDbContext db, string key, int from,
        int count, CancellationToken ct)
    {
        var size = Unsafe.SizeOf<SearchQueries.Match>();
        var (start, bytes) = ((long)from * size, (long)count * size);
        var (sql, args) = db.IsPostgres
            ? (Slice + """SELECT "Position", octet_length("Matches")::int8, substring("Matches" from {1} for {2}) FROM "SearchMatchSets" WHERE "Key" = {0}""",
                new object[] { key, (int)Math.Min(start + 1, int.MaxValue), (int)Math.Min(bytes, int.MaxValue) })
            : (Slice + """SELECT "Position", length("Matches"), rowid FROM "SearchMatchSets" WHERE "Key" = {0}""", [key]);
        await using var relational = await db.ReadRawAsync(sql, args, ct, sequential: true);
        var reader = relational.DbDataReader;
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var (position, length) = (reader.GetString(0), reader.GetInt64(1));
        var matches = new SearchQueries.Match[Math.Clamp(length - start, 0, bytes) / size];
        await ReadIntoAsync(db, reader, 2, db.IsPostgres ? 0 : start, matches, ct);
        return (matches, position);
    }

    /// <summary>PostgreSQL: the slice <see cref="ReadSliceAsync"/> reads, and in the same statement a row for each of its
    /// matches' documents — <paramref name="columns"/> of <c>"SearchDocuments" d</c>, read by <paramref name="read"/> from
    /// the reader's column 2 on. A new page of a common word is then one round trip rather than two: under load on two
    /// cores each statement's round trip (a send and a wake-up on both sides) cost more than the statement did (bench
    /// README, "Thirty-first session"). The slice comes with the first row only; the documents in no particular order.</summary>
    public static async Task<(SearchQueries.Match[] Matches, string Position, List<T> Documents)?> ReadSliceWithDocumentsAsync<T>(FlokeDbContext db,
        string key, int from, int count, string columns, Func<DbDataReader, int, T> read, CancellationToken ct)
    {
        var size = Unsafe.SizeOf<SearchQueries.Match>();
        var (start, bytes) = ((long)from * size, (long)count * size);
        // A match's id is its first four bytes, least significant first (the kept set is the matches' memory, and x64 and
        // arm64 are little-endian): the ids are taken from the slice in the database.
        var sql = Slice + $$"""
            WITH s AS MATERIALIZED (SELECT "Position", substring("Matches" from {1} for {2}) AS "Slice" FROM "SearchMatchSets" WHERE "Key" = {0})
            SELECT s."Position", CASE WHEN row_number() OVER () = 1 THEN s."Slice" END, {{columns}}
            FROM s LEFT JOIN "SearchDocuments" d ON d."Id" = ANY (ARRAY(
                SELECT get_byte(s."Slice", i) | (get_byte(s."Slice", i + 1) << 8) | (get_byte(s."Slice", i + 2) << 16) | (get_byte(s."Slice", i + 3) << 24)
                FROM generate_series(0, octet_length(s."Slice") - {{size}}, {{size}}) i))
            """;
        await using var relational = await db.ReadRawAsync(sql, [key, (int)Math.Min(start + 1, int.MaxValue), (int)Math.Min(bytes, int.MaxValue)], ct);
        var reader = relational.DbDataReader;
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var position = reader.GetString(0);
        var slice = reader.IsDBNull(1) ? [] : await reader.GetFieldValueAsync<byte[]>(1, ct);
        var matches = MemoryMarshal.Cast<byte, SearchQueries.Match>(slice).ToArray();
        var documents = new List<T>(matches.Length);
        do
        {
            if (!reader.IsDBNull(2))
            {
                documents.Add(read(reader, 2));
            }
        }
        while (await reader.ReadAsync(ct));
        return (matches, position, documents);
    }

    /// <summary>Takes the matches of <paramref name="key"/>'s kept set whose documents are among <paramref name="candidates"/>
    /// out of <paramref name="tally"/>, and returns their ids: the whole set read through in small pieces (a pooled
    /// buffer), none of it held.</summary>
    public static async Task<HashSet<int>> TakeOutAsync(FlokeDbContext db, string key, HashSet<int> candidates, FacetTally tally, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT "Matches" FROM "SearchMatchSets" WHERE "Key" = {0}"""
            : """SELECT rowid FROM "SearchMatchSets" WHERE "Key" = {0}""";
        await using var relational = await db.ReadRawAsync(sql, [key], ct, sequential: true);
        var reader = relational.DbDataReader;
        var found = new HashSet<int>();
        if (!await reader.ReadAsync(ct))
        {
            return found;
        }
        await using var blob = await MatchesAsync(db, reader, 0, ct);
        await foreach (var chunk in ChunksAsync(blob, long.MaxValue, ct))
        {
            foreach (ref readonly var m in MemoryMarshal.Cast<byte, SearchQueries.Match>(chunk.Span))
            {
                if (candidates.Contains(m.Id))
                {
                    tally.Remove(in m);
                    found.Add(m.Id);
                }
            }
        }
        return found;
    }

    /// <summary>The matches of the set the reader is on, as a stream, from its column <paramref name="ordinal"/>: the matches
    /// themselves on PostgreSQL (read sequentially, so Npgsql streams them rather than reading the row into an array of its
    /// own first), the row's rowid on SQLite, whose blob is then opened and read as far as it is read — selected as a column,
    /// SQLite reads the whole value into memory as it steps to the row (its overflow pages, megabytes for a common word),
    /// however little of it is used. Opened while the reader is on the row, so from the same snapshot.</summary>
    private static async Task<Stream> MatchesAsync(FlokeDbContext db, DbDataReader reader, int ordinal, CancellationToken ct) => db.IsPostgres
        ? await reader.GetFieldValueAsync<Stream>(ordinal, ct)
        : new SqliteBlob((SqliteConnection)db.Database.GetDbConnection(), "SearchMatchSets", "Matches", reader.GetInt64(ordinal), readOnly: true);

    /// <summary>Fills <paramref name="matches"/> from the reader's set (<see cref="MatchesAsync"/>) from its byte
    /// <paramref name="offset"/> on (an array of matches cannot be read into asynchronously as bytes).</summary>
    private static async Task ReadIntoAsync(FlokeDbContext db, DbDataReader reader, int ordinal, long offset, SearchQueries.Match[] matches, CancellationToken ct)
    {
        if (matches.Length == 0)
        {
            return;
        }
        await using var blob = await MatchesAsync(db, reader, ordinal, ct);
        if (offset != 0)
        {
            blob.Position = offset; // SQLite's blob; PostgreSQL sent the slice alone
        }
        var bytes = MemoryMarshal.AsBytes(matches.AsSpan()).Length;
        var done = 0;
        await foreach (var chunk in ChunksAsync(blob, bytes, ct))
        {
            chunk.Span.CopyTo(MemoryMarshal.AsBytes(matches.AsSpan())[done..]);
            done += chunk.Length;
        }
        if (done < bytes)
        {
            throw new EndOfStreamException($"A kept set ended after {done} of its {bytes} bytes.");
        }
    }

    /// <summary>The first <paramref name="bytes"/> of a set's stream (or all of it), in pieces of whole matches through one
    /// small pooled buffer, each piece valid until the next is asked for.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync(Stream blob, long bytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (long done = 0; done < bytes;)
            {
                var want = (int)Math.Min(64 * 1024, bytes - done);
                var read = await blob.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, ct);
                if (read == 0)
                {
                    yield break;
                }
                done += read;
                yield return buffer.AsMemory(0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The documents changed since <paramref name="position"/>, or null when more than <see cref="MaxChanges"/>.</summary>
    public static async Task<int[]?> ChangedSinceAsync(FlokeDbContext db, string position, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT DISTINCT "DocumentId" AS "Value" FROM "SearchChanges" WHERE "Xid" >= pg_snapshot_xmin(CAST({0} AS pg_snapshot)) AND NOT pg_visible_in_snapshot("Xid", CAST({0} AS pg_snapshot))"""
            : """SELECT DISTINCT "DocumentId" AS "Value" FROM "SearchChanges" WHERE "Seq" > CAST({0} AS INTEGER)""";
        // Ordered only so that which ones a limited read returns is defined (EF Core warns otherwise); past the limit none are used.
        var changed = await db.Database.SqlQueryRaw<int>(sql, position).Order().Limit(MaxChanges + 1).ToArrayAsync(ct);
        return changed.Length > MaxChanges ? null : changed;
    }

    /// <summary>Keeps <paramref name="matches"/> as <paramref name="key"/>'s set, read at <paramref name="position"/>. A
    /// failure (another writer holding the database too long) is logged, not thrown: the matches are still the answer, and
    /// the set is kept another time.</summary>
    public static async Task KeepAsync(FlokeDbContext db, string key, string position, SearchQueries.Match[] matches, ILogger logger, CancellationToken ct)
    {
        try
        {
            var bytes = MemoryMarshal.AsBytes(matches.AsSpan()).ToArray();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "SearchMatchSets" ("Key", "Position", "LastId", "Counts", "Matches") VALUES ({0}, {1}, {2}, {3}, {4})
                ON CONFLICT ("Key") DO UPDATE SET "Position" = excluded."Position", "LastId" = excluded."LastId", "Counts" = excluded."Counts", "Matches" = excluded."Matches"
                """, [key, position, matches.Length == 0 ? 0 : matches.Max(m => m.Id), FacetTally.Of(matches).ToBytes(), bytes], ct);
        }
        catch (DbException e)
        {
            logger.LogWarning(e, "The matches of {Key} could not be kept", key);
        }
    }
}
