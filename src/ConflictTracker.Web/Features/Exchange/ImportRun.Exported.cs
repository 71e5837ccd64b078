using System.Globalization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// The claims export read back (docs/import-export.md, "Round trip"): each row is matched by its claim id. A claim
/// this instance holds is updated when the row differs from it (and left alone when it does not); a row whose id is
/// not here is a new claim with that id, so importing the same file again adds nothing; a row without an id is a new
/// claim with a new id. A row whose claim changed since the export (its version differs) is refused, not
/// overwritten.
/// </summary>
internal sealed partial class ImportRun
{
    private readonly HashSet<Guid> exportedIds = [];

    private enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    private async Task<Outcome> ExportedClaimAsync(ExportedClaimRecord r, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Guid? id = null;
        if (!string.IsNullOrWhiteSpace(r.Id))
        {
            if (Guid.TryParse(r.Id.Trim(), out var parsed))
            {
                id = parsed;
            }
            else
            {
                errors.Add("id", $"'{r.Id}' is not a claim id; leave it empty for a new claim.");
            }
        }

        if (id is { } key && !exportedIds.Add(key))
        {
            throw new DomainValidationException("id", $"The claim {key} appears more than once in the file.");
        }

        var proposition = await RefAsync<Proposition>(
            "proposition",
            r.PropositionId,
            "propositionId",
            errors,
            required: true,
            pid => db.Propositions.Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == pid, cancellationToken)
        );
        var actor = await ActorRefAsync(r.ActorId, "actorId", errors, cancellationToken, required: true);
        var onBehalfOf = await ActorRefAsync(r.OnBehalfOfId, "onBehalfOfId", errors, cancellationToken);
        var stance = Parse<Stance>(r.Stance, "stance", errors, required: true);
        var status = Parse<ClaimStatus>(r.Status, "status", errors) ?? ClaimStatus.Published;
        var qualifier = Parse<QuantityQualifier>(r.Qualifier, "qualifier", errors) ?? QuantityQualifier.Exact;
        var statedOn = Day(r.StatedOnDate, r.StatedOnPrecision, "statedOnDate", errors, required: true);
        var start = Day(r.EventStart, r.EventStartPrecision, "eventStart", errors);
        var end = Day(r.EventEnd, r.EventEndPrecision, "eventEnd", errors);
        var period =
            start is null && end is null ? null : errors.Check(() => EventPeriod.Create((start ?? end)!, end ?? start));
        var text = SpreadsheetCsv.Restore(r.Quote);
        var translation = SpreadsheetCsv.Restore(r.Translation);
        var quote =
            string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(translation)
                ? null
                : errors.Check(() => Quote.Create(text, r.QuoteLanguage, translation, r.TranslationLanguage));
        Measure? measure = null;
        if (!string.IsNullOrWhiteSpace(r.Measure) && proposition is not null)
        {
            var name = SpreadsheetCsv.Restore(r.Measure)!.Trim();
            measure = proposition.Measures.FirstOrDefault(m =>
                string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)
            );
            if (measure is null)
            {
                errors.Add("measure", $"The proposition has no measure named '{name}'.");
            }
        }

        var quantity = r.QuantityMin is { } min
            ? errors.Check(() => Quantity.Create(min, r.QuantityMax, qualifier))
            : null;
        errors.ThrowIfAny();

        // A new claim cannot start out retracted: the comparison is made on a claim built from the row as published.
        var input = new NewClaim(proposition!, actor!, statedOn!, stance!.Value, SpreadsheetCsv.Restore(r.Summary))
        {
            OnBehalfOf = onBehalfOf,
            EventPeriod = period,
            Quote = quote,
            Measure = measure,
            Quantity = quantity,
            Status = status == ClaimStatus.Retracted ? ClaimStatus.Published : status,
        };
        var fromRow = Claim.Create(input, now);
        var existing = id is { } claimId
            ? await db.Claims.Include(c => c.Citations).SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
            : null;
        if (existing is null)
        {
            var created = Claim.Create(input with { Status = status }, now, id ?? default);
            db.Claims.Add(created);
            loaded[created.Id] = created;
            return Outcome.Created;
        }

        if (Same(existing, fromRow) && existing.Status == status)
        {
            return Outcome.Unchanged;
        }

        // A row that would change a claim must say which version it was exported from: without it (blank, or
        // mangled by a spreadsheet) an edit made since the export could be overwritten unseen.
        if (!uint.TryParse(r.Version?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new DomainValidationException(
                "version",
                "The row changes a claim ConflictTracker holds but has no readable version (a whole number from the "
                    + "export): export it again and make the change there."
            );
        }

        if (version != existing.Version)
        {
            throw new DomainValidationException(
                "version",
                $"The claim was changed in ConflictTracker after this file was exported (version {version}, "
                    + $"now {existing.Version}): export it again and make the change there, or see its history."
            );
        }

        existing.Revise(input with { Status = status }, now);
        loaded[existing.Id] = existing;
        return Outcome.Updated;
    }

    /// <summary>Whether the row would change nothing an editor sets on the claim.</summary>
    private static bool Same(Claim stored, Claim row) =>
        stored.PropositionId == row.PropositionId
        && stored.AssertedById == row.AssertedById
        && stored.OnBehalfOfId == row.OnBehalfOfId
        && stored.StatedOn.Equals(row.StatedOn)
        && stored.Stance == row.Stance
        && stored.Summary == row.Summary
        && Equals(
            stored.EventPeriod is { } a ? (a.Start, a.End) : default,
            row.EventPeriod is { } b ? (b.Start, b.End) : default
        )
        && Equals(
            stored.Quote is { } q ? (q.Text, q.Language, q.Translation, q.TranslationLanguage) : default,
            row.Quote is { } p ? (p.Text, p.Language, p.Translation, p.TranslationLanguage) : default
        )
        && stored.MeasureId == row.MeasureId
        && Equals(
            stored.Quantity is { } m ? (m.Min, m.Max, m.Qualifier) : default,
            row.Quantity is { } n ? (n.Min, n.Max, n.Qualifier) : default
        );

    /// <summary>A day as the export writes it (2024-10-18) with its precision (Day, Month or Year; Day when
    /// empty).</summary>
    private static PartialDate? Day(
        string? day,
        string? precision,
        string field,
        ValidationErrors errors,
        bool required = false
    )
    {
        if (string.IsNullOrWhiteSpace(day))
        {
            if (required)
            {
                errors.Add(field, "Give the day, as 2024-10-18.");
            }

            return null;
        }

        var parsedPrecision = Parse<DatePrecision>(precision, field + "Precision", errors) ?? DatePrecision.Day;
        if (
            !DateOnly.TryParseExact(
                day.Trim(),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            errors.Add(field, $"'{day}' is not a day; write 2024-10-18.");
            return null;
        }

        return errors.Check(() => PartialDate.Create(Rules.InRange(date, field), parsedPrecision));
    }
}
