using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Exchange;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// One import in progress: applies batches of rows to the context (through the domain's factories
/// and methods, so every rule of the forms applies), keeps the external ids, counts what changed
/// and collects every bad row. The caller owns the transaction.
/// </summary>
internal sealed partial class ImportRun(AppDbContext db, string author, DateTimeOffset now)
{
    private readonly Dictionary<RecordType, (int Created, int Updated, int Unchanged)> counts =
        Enum.GetValues<RecordType>().ToDictionary(t => t, _ => (0, 0, 0));
    private readonly List<ImportError> errors = [];

    // Per batch: external ids known in the database, those created in this batch, and loaded records.
    private Dictionary<(string Kind, string Key), ExternalId> known = [];
    private readonly Dictionary<(string Kind, string Key), Guid> pending = [];
    private readonly Dictionary<Guid, object> loaded = [];

    public long Rows { get; private set; }

    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportError> Errors => errors;

    public IReadOnlyDictionary<RecordType, ImportCounts> Counts() =>
        counts.ToDictionary(c => c.Key, c => new ImportCounts(c.Value.Created, c.Value.Updated, c.Value.Unchanged));

    public void Fail(long line, string? field, string message)
    {
        ErrorCount++;
        if (errors.Count < ImportReport.MaxListedErrors)
        {
            errors.Add(new ImportError(line, field, message));
        }
    }

    public async Task ApplyAsync(IReadOnlyList<ImportService.ParsedRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        Rows += batch.Count;
        known = await KnownAsync(batch.Where(r => r.Record is not null).Select(r => r.Record!), cancellationToken);
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("import_batch", cancellationToken);
        foreach (var row in batch)
        {
            if (row.Error is { } error)
            {
                Fail(error.Line, error.Field, error.Message);
                continue;
            }

            try
            {
                await ApplyAsync(row.Record!, cancellationToken);
            }
            catch (DomainValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var message in messages)
                    {
                        Fail(row.Line, Column(field), message);
                    }
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.ReleaseSavepointAsync("import_batch", cancellationToken);
        }
        catch (Exception ex)
            when ((ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException) is { } postgres
                && !DatabaseUnavailable.Is(postgres)
            )
        {
            await transaction.RollbackToSavepointAsync("import_batch", cancellationToken);
            Fail(
                batch[0].Line,
                postgres.ConstraintName,
                $"The rows from line {batch[0].Line} to {batch[^1].Line} break a database rule ({postgres.MessageText}); nothing was stored."
            );
        }

        db.ChangeTracker.Clear();
        pending.Clear();
        loaded.Clear();
    }

    private async Task ApplyAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        if (record is ExportedClaimRecord exported)
        {
            var outcome = await ExportedClaimAsync(exported, cancellationToken);
            Count(record, created: outcome == Outcome.Created, unchanged: outcome == Outcome.Unchanged);
            return;
        }

        var kind = Kind(record);
        ExternalId? external = null;
        if (record.ExternalId is { } key)
        {
            var trimmed = key.Trim();
            if (trimmed.Length is 0 or > ExternalId.MaxKeyLength)
            {
                throw new DomainValidationException(
                    "ExternalId",
                    $"An external id has 1 to {ExternalId.MaxKeyLength} characters."
                );
            }

            // A key this run stored already (in an earlier batch, or earlier in this one) appears twice in the file.
            external = known.GetValueOrDefault((kind, trimmed));
            if (
                pending.ContainsKey((kind, trimmed))
                || (external is not null && external.ImportedAt == now && external.ImportedBy == author)
            )
            {
                throw new DomainValidationException(
                    "ExternalId",
                    $"The {kind} '{trimmed}' appears more than once in the file."
                );
            }

            var fingerprint = ImportService.Fingerprint(record with { ExternalId = trimmed });
            if (external is not null && external.Fingerprint == fingerprint)
            {
                Count(record, unchanged: true);
                return;
            }

            if (external is not null && record is CitationRecord)
            {
                throw new DomainValidationException(
                    "externalId",
                    "This citation was imported before with other values; an import does not change citations: change it in ConflictTracker."
                );
            }

            var (id, changed) = await ApplyRecordAsync(record, external?.EntityId, cancellationToken);
            if (!changed && external is null)
            {
                // A citation already on record, now given an external id.
                db.ExternalIds.Add(
                    new ExternalId
                    {
                        Kind = kind,
                        Key = trimmed,
                        EntityId = id,
                        Fingerprint = fingerprint,
                        ImportedAt = now,
                        ImportedBy = author,
                    }
                );
                pending[(kind, trimmed)] = id;
                Count(record, unchanged: true);
                return;
            }

            if (external is null)
            {
                db.ExternalIds.Add(
                    new ExternalId
                    {
                        Kind = kind,
                        Key = trimmed,
                        EntityId = id,
                        Fingerprint = fingerprint,
                        ImportedAt = now,
                        ImportedBy = author,
                    }
                );
                pending[(kind, trimmed)] = id;
            }
            else
            {
                external.Fingerprint = fingerprint;
                external.ImportedAt = now;
                external.ImportedBy = author;
            }

            Count(record, created: external is null);
            return;
        }

        if (record is not CitationRecord)
        {
            throw new DomainValidationException(
                "ExternalId",
                "Give each row an external id (your system's id for it), so importing the file again updates it instead of adding it twice."
            );
        }

        var (_, added) = await ApplyRecordAsync(record, null, cancellationToken);
        Count(record, created: added, unchanged: !added);
    }

    private void Count(ImportRecord record, bool created = false, bool unchanged = false)
    {
        var type = Type(record);
        var (c, u, n) = counts[type];
        counts[type] =
            unchanged ? (c, u, n + 1)
            : created ? (c + 1, u, n)
            : (c, u + 1, n);
    }

    /// <summary>Creates the record, or updates <paramref name="existing"/>; returns its id and whether anything was
    /// added or changed.</summary>
    private async Task<(Guid Id, bool Changed)> ApplyRecordAsync(
        ImportRecord record,
        Guid? existing,
        CancellationToken cancellationToken
    ) =>
        record switch
        {
            ActorRecord actor => (await ActorAsync(actor, existing, cancellationToken), true),
            SourceRecord source => (await SourceAsync(source, existing, cancellationToken), true),
            PropositionRecord proposition => (await PropositionAsync(proposition, existing, cancellationToken), true),
            ClaimRecord claim => (await ClaimAsync(claim, existing, cancellationToken), true),
            CitationRecord citation => await CitationAsync(citation, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(record)),
        };

    private async Task<Guid> ActorAsync(ActorRecord r, Guid? existing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = Parse<ActorKind>(r.Kind, "kind", errors, required: true);
        var grade = Parse<ReliabilityGrade>(r.Reliability, "reliability", errors);
        var collective = ParseBool(r.Collective, "collective", errors);
        Actor? actor;
        if (existing is { } id)
        {
            actor = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == id, cancellationToken);
            if (!errors.Any)
            {
                errors.Check(() => actor.Revise(r.Name, kind!.Value, r.CountryCode, r.Description, grade, collective));
            }
        }
        else
        {
            actor = errors.Any
                ? null
                : errors.Check(() =>
                    Actor.Create(
                        r.Name,
                        kind!.Value,
                        r.CountryCode,
                        r.Description,
                        grade,
                        isCollective: collective ?? false
                    )
                );
            if (
                actor is not null
                && (
                    await db.Actors.AnyAsync(a => a.Name == actor.Name, cancellationToken)
                    || db.ChangeTracker.Entries<Actor>().Any(e => e.Entity.Name == actor.Name)
                )
            )
            {
                errors.Add(
                    "name",
                    $"An actor named '{actor.Name}' exists already; refer to it by its id, or give the existing actor this external id by importing it with that name once."
                );
            }
        }

        foreach (var alias in Split(r.Aliases))
        {
            if (actor is not null)
            {
                errors.Check(() => actor.AddAlias(alias, null));
            }
        }

        errors.ThrowIfAny();
        if (existing is null)
        {
            db.Actors.Add(actor!);
        }

        loaded[actor!.Id] = actor;
        return actor.Id;
    }

    private async Task<Guid> SourceAsync(SourceRecord r, Guid? existing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = Parse<SourceKind>(r.Kind, "kind", errors, required: true);
        var grade = Parse<ReliabilityGrade>(r.Reliability, "reliability", errors);
        var publisher = await ActorRefAsync(r.Publisher, "publisher", errors, cancellationToken);
        var published = string.IsNullOrWhiteSpace(r.PublishedOn)
            ? null
            : errors.Check(() => PartialDate.Parse(r.PublishedOn, "publishedOn"));
        Source? source = null;
        if (existing is { } id)
        {
            source = await db.Sources.SingleAsync(s => s.Id == id, cancellationToken);
            if (!errors.Any)
            {
                errors.Check(() =>
                    source.Revise(
                        kind!.Value,
                        r.Title,
                        r.Url,
                        publisher,
                        published,
                        source.RetrievedOn,
                        r.Language,
                        source.ArchiveUrl?.ToString(),
                        source.ContentHash,
                        grade
                    )
                );
            }
        }
        else if (!errors.Any)
        {
            source = errors.Check(() =>
                Source.Create(kind!.Value, r.Title, r.Url, publisher, published, null, r.Language, reliability: grade)
            );
        }

        errors.ThrowIfAny();
        if (existing is null)
        {
            db.Sources.Add(source!);
        }

        loaded[source!.Id] = source;
        return source.Id;
    }

    private async Task<Guid> PropositionAsync(PropositionRecord r, Guid? existing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Proposition? proposition;
        if (existing is { } id)
        {
            proposition = await db
                .Propositions.Include(p => p.Measures)
                .SingleAsync(p => p.Id == id, cancellationToken);
            errors.Check(() => proposition.Revise(r.Statement, r.Description));
        }
        else
        {
            proposition = errors.Check(() => Proposition.Create(r.Statement, r.Description));
            if (
                proposition is not null
                && (
                    await db.Propositions.AnyAsync(p => p.Statement == proposition.Statement, cancellationToken)
                    || db.ChangeTracker.Entries<Proposition>().Any(e => e.Entity.Statement == proposition.Statement)
                )
            )
            {
                errors.Add("statement", "This proposition exists already; refer to it by its id.");
            }
        }

        foreach (var measure in Split(r.Measures))
        {
            var parts = measure.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                errors.Add("measures", $"Write each measure as name:unit, not '{measure}'.");
            }
            else if (
                proposition is not null
                && !proposition.Measures.Any(m => string.Equals(m.Name, parts[0], StringComparison.OrdinalIgnoreCase))
            )
            {
                errors.Check(() => proposition.AddMeasure(parts[0], parts[1]));
            }
        }

        errors.ThrowIfAny();
        if (existing is null)
        {
            db.Propositions.Add(proposition!);
        }

        loaded[proposition!.Id] = proposition;
        return proposition.Id;
    }

    private async Task<Guid> ClaimAsync(ClaimRecord r, Guid? existing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var proposition = await RefAsync<Proposition>(
            "proposition",
            r.Proposition,
            "proposition",
            errors,
            required: true,
            id => db.Propositions.Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        );
        var actor = await ActorRefAsync(r.Actor, "actor", errors, cancellationToken, required: true);
        var onBehalfOf = await ActorRefAsync(r.OnBehalfOf, "onBehalfOf", errors, cancellationToken);
        var stance = Parse<Stance>(r.Stance, "stance", errors, required: true);
        var status = Parse<ClaimStatus>(r.Status, "status", errors) ?? ClaimStatus.Published;
        var qualifier = Parse<QuantityQualifier>(r.Qualifier, "qualifier", errors) ?? QuantityQualifier.Exact;
        var statedOn = errors.Check(() => PartialDate.Parse(r.StatedOn, "statedOn"));
        EventPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(r.EventStart) || !string.IsNullOrWhiteSpace(r.EventEnd))
        {
            var start = errors.Check(() =>
                PartialDate.Parse(string.IsNullOrWhiteSpace(r.EventStart) ? r.EventEnd : r.EventStart, "eventStart")
            );
            var end = string.IsNullOrWhiteSpace(r.EventEnd)
                ? start
                : errors.Check(() => PartialDate.Parse(r.EventEnd, "eventEnd"));
            if (start is not null && end is not null)
            {
                period = errors.Check(() => EventPeriod.Create(start, end));
            }
        }

        var quote =
            string.IsNullOrWhiteSpace(r.QuoteText) && string.IsNullOrWhiteSpace(r.Translation)
                ? null
                : errors.Check(() => Quote.Create(r.QuoteText, r.QuoteLanguage, r.Translation, r.TranslationLanguage));
        Measure? measure = null;
        if (!string.IsNullOrWhiteSpace(r.Measure) && proposition is not null)
        {
            measure = proposition.Measures.FirstOrDefault(m =>
                string.Equals(m.Name, r.Measure.Trim(), StringComparison.OrdinalIgnoreCase)
            );
            if (measure is null)
            {
                errors.Add(
                    "measure",
                    $"The proposition has no measure named '{r.Measure}'; its measures are: {string.Join(", ", proposition.Measures.Select(m => m.Name))}."
                );
            }
        }

        var quantity = r.QuantityMin is { } min
            ? errors.Check(() => Quantity.Create(min, r.QuantityMax, qualifier))
            : null;
        if (r.QuantityMin is null && r.QuantityMax is not null)
        {
            errors.Add("quantityMin", "Give the figure (or the lower end of the range) in quantityMin.");
        }

        if (errors.Any || proposition is null || actor is null || statedOn is null)
        {
            errors.Check(() => Rules.RequiredText(r.Summary, "summary", MaxLengths.Summary));
            errors.ThrowIfAny();
        }

        var input = new NewClaim(proposition!, actor!, statedOn!, stance!.Value, r.Summary)
        {
            OnBehalfOf = onBehalfOf,
            EventPeriod = period,
            Quote = quote,
            Measure = measure,
            Quantity = quantity,
            Status = status,
        };
        Claim claim;
        if (existing is { } id)
        {
            claim = await db.Claims.Include(c => c.Citations).SingleAsync(c => c.Id == id, cancellationToken);
            claim.Revise(input, now);
        }
        else
        {
            claim = Claim.Create(input, now);
            db.Claims.Add(claim);
        }

        loaded[claim.Id] = claim;
        return claim.Id;
    }

    /// <summary>Cites the source for the claim; a source already cited for it is left as it is (Changed
    /// false).</summary>
    private async Task<(Guid Id, bool Changed)> CitationAsync(CitationRecord r, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var claim = await RefAsync<Claim>(
            "claim",
            r.Claim,
            "claim",
            errors,
            required: true,
            id => db.Claims.Include(c => c.Citations).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        );
        var source = await RefAsync<Source>(
            "source",
            r.Source,
            "source",
            errors,
            required: true,
            id => db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        );
        var role = Parse<CitationRole>(r.Role, "role", errors) ?? CitationRole.Origin;
        errors.ThrowIfAny();
        if (claim!.Citations.FirstOrDefault(c => c.SourceId == source!.Id) is { } cited)
        {
            if (cited.Role != role)
            {
                throw new DomainValidationException(
                    "role",
                    $"This source is already cited for the claim as {cited.Role}; change the role in ConflictTracker."
                );
            }

            return (cited.Id, false);
        }

        return (claim.Cite(source!, role, r.Quote, r.Locator).Id, true);
    }

    private Task<Actor?> ActorRefAsync(
        string? reference,
        string field,
        ValidationErrors errors,
        CancellationToken cancellationToken,
        bool required = false
    ) =>
        RefAsync<Actor>(
            "actor",
            reference,
            field,
            errors,
            required,
            id => db.Actors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        );

    /// <summary>
    /// Finds a referenced record: an external id created in this batch, then one from the database,
    /// then a ConflictTracker id. Each record is loaded once per batch.
    /// </summary>
    private async Task<T?> RefAsync<T>(
        string kind,
        string? reference,
        string field,
        ValidationErrors errors,
        bool required,
        Func<Guid, Task<T?>> load
    )
        where T : class
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            if (required)
            {
                errors.Add(field, $"Say which {kind} (its external id or ConflictTracker id).");
            }

            return null;
        }

        var key = reference.Trim();
        Guid? id =
            pending.TryGetValue((kind, key), out var created) ? created
            : known.TryGetValue((kind, key), out var external) ? external.EntityId
            : Guid.TryParse(key, out var direct) ? direct
            : null;
        if (id is { } found)
        {
            if (loaded.TryGetValue(found, out var cached) && cached is T typed)
            {
                return typed;
            }

            if (await load(found) is { } record)
            {
                loaded[found] = record;
                return record;
            }
        }

        errors.Add(
            field,
            $"No {kind} '{key}': give the external id of one imported earlier (in this file or before) or a ConflictTracker id."
        );
        return null;
    }

    /// <summary>The external ids the batch's rows have or refer to, in one query per kind.</summary>
    private async Task<Dictionary<(string Kind, string Key), ExternalId>> KnownAsync(
        IEnumerable<ImportRecord> records,
        CancellationToken cancellationToken
    )
    {
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Want(string kind, string? key)
        {
            if (!string.IsNullOrWhiteSpace(key))
            {
                (
                    wanted.TryGetValue(kind, out var keys)
                        ? keys
                        : wanted[kind] = new HashSet<string>(StringComparer.Ordinal)
                ).Add(key.Trim());
            }
        }

        foreach (var record in records)
        {
            Want(Kind(record), record.ExternalId);
            switch (record)
            {
                case SourceRecord s:
                    Want("actor", s.Publisher);
                    break;
                case ClaimRecord c:
                    Want("proposition", c.Proposition);
                    Want("actor", c.Actor);
                    Want("actor", c.OnBehalfOf);
                    break;
                case CitationRecord c:
                    Want("claim", c.Claim);
                    Want("source", c.Source);
                    break;
            }
        }

        var result = new Dictionary<(string, string), ExternalId>();
        foreach (var (kind, keys) in wanted)
        {
            var list = keys.ToList();
            foreach (
                var external in await db
                    .ExternalIds.Where(e => e.Kind == kind && list.Contains(e.Key))
                    .ToListAsync(cancellationToken)
            )
            {
                result[(external.Kind, external.Key)] = external;
            }
        }

        return result;
    }

    /// <summary>"true" or "false" (any case, or a JSON boolean read as text); empty is null.</summary>
    private static bool? ParseBool(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (bool.TryParse(value.Trim(), out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"'{value}' is not true or false.");
        return null;
    }

    private static T? Parse<T>(string? value, string field, ValidationErrors errors, bool required = false)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"Give the {field}: one of {string.Join(", ", Enum.GetNames<T>())}.");
            }

            return null;
        }

        if (
            Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed)
            && !int.TryParse(value, out _)
        )
        {
            return parsed;
        }

        errors.Add(field, $"'{value}' is not a known {field}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Kind(ImportRecord record) => Type(record).ToString().ToLowerInvariant();

    private static RecordType Type(ImportRecord record) =>
        record switch
        {
            ActorRecord => RecordType.Actor,
            SourceRecord => RecordType.Source,
            PropositionRecord => RecordType.Proposition,
            ClaimRecord or ExportedClaimRecord => RecordType.Claim,
            _ => RecordType.Citation,
        };

    /// <summary>The domain names fields as the forms do ("StatedOn", "Quote.Text"); an import file names them in
    /// camelCase.</summary>
    private static string Column(string field) =>
        field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
