using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The one model of Floke. Each database provider has a subclass that owns its migration set. The contexts are
/// pooled, so they are made with the options alone: the request's user and the clock come from the application's
/// services the options carry.</summary>
public abstract class FlokeDbContext(DbContextOptions options) : IdentityDbContext<User>(options), IDataProtectionKeyContext
{
    private readonly IHttpContextAccessor? http = ApplicationService<IHttpContextAccessor>(options);
    private readonly TimeProvider clock = ApplicationService<TimeProvider>(options) ?? TimeProvider.System;

    /// <summary>Whether this is PostgreSQL (else SQLite), from the context's own type; ask this rather than EF Core's
    /// <c>Database.IsNpgsql()</c>/<c>IsSqlite()</c>, which compare assembly names read anew at each call
    /// (<c>Assembly.GetName()</c>): ~1 % of a search page's CPU where it was asked several times a request (bench README,
    /// "Twenty-eighth session").</summary>
    public bool IsPostgres => this is PostgresFlokeDbContext;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedOwner> NeedOwners => Set<NeedOwner>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativePartner> InitiativePartners => Set<InitiativePartner>();
    public DbSet<InitiativeNeed> InitiativeNeeds => Set<InitiativeNeed>();
    public DbSet<GateDecision> GateDecisions => Set<GateDecision>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentMetric> ExperimentMetrics => Set<ExperimentMetric>();
    public DbSet<Features.Barriers.Barrier> Barriers => Set<Features.Barriers.Barrier>();
    public DbSet<BarrierStep> BarrierSteps => Set<BarrierStep>();
    public DbSet<Benefit> Benefits => Set<Benefit>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<Adoption> Adoptions => Set<Adoption>();
    public DbSet<Features.OpenCalls.OpenCall> OpenCalls => Set<Features.OpenCalls.OpenCall>();
    public DbSet<Features.OpenCalls.OpenCallCriterion> OpenCallCriteria => Set<Features.OpenCalls.OpenCallCriterion>();
    public DbSet<Features.OpenCalls.JuryMember> JuryMembers => Set<Features.OpenCalls.JuryMember>();
    public DbSet<Features.OpenCalls.Proposal> Proposals => Set<Features.OpenCalls.Proposal>();
    public DbSet<Features.OpenCalls.ProposalScore> ProposalScores => Set<Features.OpenCalls.ProposalScore>();
    public DbSet<Features.Search.SearchDocument> SearchDocuments => Set<Features.Search.SearchDocument>();
    public DbSet<Features.Search.SearchViewer> SearchViewers => Set<Features.Search.SearchViewer>();
    public DbSet<Features.Search.SearchWord> SearchWords => Set<Features.Search.SearchWord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the audit trail names for changes made outside a web request (CLI, seeding). Forgotten when the
    /// context is disposed: a pooled instance serves the next request next.</summary>
    public AuditActor? ActorOverride { get; set; }

    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    /// <summary>Forgets what one scope set on the context, before the pool hands it to the next.</summary>
    protected virtual void Forget() => ActorOverride = null;

    /// <summary>Who the audit trail names for what this context saves: the override, or the request's user.</summary>
    private AuditActor Actor => ActorOverride ?? AuditActor.From(http?.HttpContext?.User);

    /// <summary>A service of the application the options carry (none at design time).</summary>
    protected static T? ApplicationService<T>(DbContextOptions options) where T : class =>
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(T)) as T;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FlokeDbContext).Assembly);
    }

    /// <summary>Starts a transaction in which the <typeparamref name="T"/> row <paramref name="id"/> is this request's alone
    /// until it commits, for changes computed from what is read (a benefit's count and latest value from its measurements):
    /// two such requests at once would otherwise both read the same state and the later save would undo the earlier.
    /// PostgreSQL locks the row (<c>FOR UPDATE</c>, <see cref="PostgresFlokeDbContext"/>); SQLite's transactions begin <c>IMMEDIATE</c>, taking the database's
    /// single write lock, so what is read after this is the latest and nobody writes before the commit.</summary>
    public virtual async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginLockedAsync<T>(int id, CancellationToken ct) where T : class =>
        await Database.BeginTransactionAsync(ct);

    /// <summary>Adds many new rows at once, each with the audit entry saving it alone would write, at bulk speed (binary
    /// COPY on PostgreSQL, one prepared INSERT on SQLite): their keys are reserved first, so the entries can name them, and
    /// set on the objects. In the current transaction (one of its own otherwise); the caches are marked stale at its commit
    /// as after a save. The rows are not tracked. Not for rows in the search index: those are saved through the tracker.</summary>
    public async Task InsertAuditedAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class, IAudited
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (Features.Search.SearchIndexer.IsIndexed(rows[0]))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is in the search index; save it through the change tracker.");
        }
        var type = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var owned = Database.CurrentTransaction is null;
        await using var tx = owned ? await Database.BeginTransactionAsync(ct) : null;
        var writer = new BulkWriter(this);
        var keys = await writer.ReserveKeysAsync<T>(rows.Count, ct);
        var key = type.FindPrimaryKey()!.Properties[0].PropertyInfo!;
        for (var i = 0; i < rows.Count; i++)
        {
            key.SetValue(rows[i], keys[i]);
        }
        await writer.WriteAsync(rows, ct);
        await writer.WriteAsync(rows.Select(AuditRecorder.Created<T>(type, Actor, clock.GetUtcNow())), ct, keysFromDatabase: true);
        this.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
            .OfType<CacheInvalidation>().FirstOrDefault()?.Written(this, [rows[0]]); // rows of one type: the first says what they change
        if (tx is not null)
        {
            await tx.CommitWrittenAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves the changes, their audit entries and the search documents they change in one transaction, bumping
    /// the version of each edited object.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Within a transaction EF Core would set a savepoint before each save and release it after: two round trips per
        // save, four for a change with its audit entry, for nothing — a failed save rolls the whole transaction back. The
        // one place that goes on after a failed save sets its own (SearchIndexer.AddWordsAsync).
        Database.AutoSavepointsEnabled = false;
        foreach (var entry in ChangeTracker.Entries<IVersioned>()
                     .Where(e => e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !p.Metadata.IsDerived())))
        {
            entry.Entity.Version++;
        }
        var pending = AuditRecorder.Collect(this, Actor, clock.GetUtcNow());
        var searched = Features.Search.SearchIndexer.Changed(ChangeTracker);
        if (pending.Count == 0 && searched.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null;
        await using var tx = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (pending.Count > 0)
        {
            AuditRecorder.Complete(pending);
            AuditEntries.AddRange(pending.Select(p => p.Audit));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (searched.Count > 0)
        {
            // Entities keep their keys after saving (deleted ones too), and added ones have theirs only now.
            await Features.Search.SearchIndexer.RefreshAsync(this, Features.Search.SearchIndexer.Keys(searched), cancellationToken);
        }
        if (tx is not null)
        {
            await tx.CommitWrittenAsync();
        }
        return count;
    }
}
