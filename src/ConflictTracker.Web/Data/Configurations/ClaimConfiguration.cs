using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable(
            "claims",
            t =>
            {
                t.HasCheckConstraint("ck_claims_stance", Sql.In<Stance>("stance"));
                t.HasCheckConstraint("ck_claims_status", Sql.In<ClaimStatus>("status"));
                t.HasCheckConstraint("ck_claims_credibility", "credibility BETWEEN 1 AND 6");
                t.HasCheckConstraint(
                    "ck_claims_credibility_note",
                    "credibility IS NOT NULL OR credibility_note IS NULL"
                );
                t.HasCheckConstraint("ck_claims_summary_not_blank", "btrim(summary) <> ''");
                t.HasCheckConstraint("ck_claims_not_on_behalf_of_self", "on_behalf_of_id <> asserted_by_id");
                t.HasCheckConstraint(
                    "ck_claims_retraction_reason",
                    "(status = 'Retracted') = (retraction_reason IS NOT NULL)"
                );

                t.HasCheckConstraint("ck_claims_stated_on_precision", Sql.In<DatePrecision>("stated_on_precision"));
                t.HasCheckConstraint(
                    "ck_claims_dates_in_range",
                    Sql.InDateRange("stated_on", "event_start", "event_end")
                );
                t.HasCheckConstraint(
                    "ck_claims_stated_on_normalised",
                    Sql.PartialDateNormalised("stated_on", "stated_on_precision")
                );

                t.HasCheckConstraint(
                    "ck_claims_event_period_complete",
                    "num_nulls(event_start, event_start_precision, event_end, event_end_precision) IN (0, 4)"
                );
                t.HasCheckConstraint(
                    "ck_claims_event_precision",
                    Sql.In<DatePrecision>("event_start_precision")
                        + " AND "
                        + Sql.In<DatePrecision>("event_end_precision")
                );
                t.HasCheckConstraint(
                    "ck_claims_event_normalised",
                    Sql.PartialDateNormalised("event_start", "event_start_precision")
                        + " AND "
                        + Sql.PartialDateNormalised("event_end", "event_end_precision")
                );
                t.HasCheckConstraint(
                    "ck_claims_event_period_order",
                    $"{Sql.PartialDateLatest("event_end", "event_end_precision")} >= event_start"
                );

                t.HasCheckConstraint(
                    "ck_claims_quote_complete",
                    "(quote_text IS NULL) = (quote_language IS NULL) AND (quote_translation IS NULL) = (quote_translation_language IS NULL) AND (quote_text IS NOT NULL OR quote_translation IS NULL)"
                );

                t.HasCheckConstraint(
                    "ck_claims_quantity_complete",
                    "num_nulls(measure_id, quantity_min, quantity_max, quantity_qualifier) IN (0, 4)"
                );
                t.HasCheckConstraint("ck_claims_quantity_qualifier", Sql.In<QuantityQualifier>("quantity_qualifier"));
                t.HasCheckConstraint("ck_claims_quantity_range", "quantity_min >= 0 AND quantity_min <= quantity_max");
                t.HasCheckConstraint(
                    "ck_claims_quantity_single_value",
                    "quantity_min = quantity_max OR quantity_qualifier IN ('Exact', 'Approximately')"
                );
            }
        );
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Summary).HasMaxLength(MaxLengths.Summary);
        builder.Property(c => c.RetractionReason).HasMaxLength(MaxLengths.Note);
        builder.Property(c => c.CredibilityNote).HasMaxLength(MaxLengths.Note);
        builder.Property(c => c.Version).IsRowVersion();

        builder.ComplexProperty(
            c => c.StatedOn,
            date =>
            {
                date.Property(d => d.Date).HasColumnName("stated_on");
                date.Property(d => d.Precision).HasColumnName("stated_on_precision");
            }
        );
        builder.ComplexProperty(
            c => c.EventPeriod,
            period =>
            {
                period.Property(p => p.StartDate).HasColumnName("event_start");
                period.Property(p => p.StartPrecision).HasColumnName("event_start_precision");
                period.Property(p => p.EndDate).HasColumnName("event_end");
                period.Property(p => p.EndPrecision).HasColumnName("event_end_precision");
            }
        );
        builder.ComplexProperty(
            c => c.Quote,
            quote =>
            {
                quote.Property(q => q.Text).HasColumnName("quote_text").HasMaxLength(MaxLengths.Quote);
                quote.Property(q => q.Language).HasColumnName("quote_language").HasMaxLength(MaxLengths.LanguageTag);
                quote.Property(q => q.Translation).HasColumnName("quote_translation").HasMaxLength(MaxLengths.Quote);
                quote
                    .Property(q => q.TranslationLanguage)
                    .HasColumnName("quote_translation_language")
                    .HasMaxLength(MaxLengths.LanguageTag);
            }
        );
        builder.ComplexProperty(
            c => c.Quantity,
            quantity =>
            {
                quantity.Property(q => q.Min).HasColumnName("quantity_min").HasPrecision(20, 4);
                quantity.Property(q => q.Max).HasColumnName("quantity_max").HasPrecision(20, 4);
                quantity.Property(q => q.Qualifier).HasColumnName("quantity_qualifier");
            }
        );

        builder.HasOne<Proposition>().WithMany().HasForeignKey(c => c.PropositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Actor>().WithMany().HasForeignKey(c => c.AssertedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Actor>().WithMany().HasForeignKey(c => c.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);

        // A claim's measure must belong to the claim's own proposition: the composite key makes the
        // database refuse a figure counted on another proposition's measure.
        builder
            .HasOne<Measure>()
            .WithMany()
            .HasForeignKey(c => new { c.PropositionId, c.MeasureId })
            .HasPrincipalKey(m => new { m.PropositionId, m.Id })
            .HasConstraintName("fk_claims_measures_proposition_measure")
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Citations).WithOne().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasMany(c => c.Places)
            .WithMany()
            .UsingEntity<Dictionary<string, object>>(
                "claim_places",
                right => right.HasOne<Place>().WithMany().HasForeignKey("place_id").OnDelete(DeleteBehavior.Restrict),
                left => left.HasOne<Claim>().WithMany().HasForeignKey("claim_id").OnDelete(DeleteBehavior.Restrict),
                join => join.HasKey("claim_id", "place_id")
            );

        // Search and filtering (docs/rules/search.md). Computed by PostgreSQL, never written by the app.
        builder
            .Property<NpgsqlTsVector>(Search.VectorColumn)
            .HasComputedColumnSql(
                Search.Vector(
                    "coalesce(summary, '') || ' ' || coalesce(quote_text, '') || ' ' || coalesce(quote_translation, '')"
                ),
                stored: true
            );
        builder.HasIndex(Search.VectorColumn).HasMethod("gin");
        builder
            .Property<DateOnly>(Search.StatedOnLatestColumn)
            .HasComputedColumnSql(Sql.PartialDateLatest("stated_on", "stated_on_precision"), stored: true);
        builder
            .Property<DateOnly?>(Search.EventEndLatestColumn)
            .HasComputedColumnSql(Sql.PartialDateLatest("event_end", "event_end_precision"), stored: true);

        // Keyset pagination: (sort key, id) for each sort order. EF cannot index a complex property's
        // column, so ix_claims_stated_on_id (stated_on, id) is created in the Search migration.
        builder.HasIndex(c => new { c.RecordedAt, c.Id }).HasDatabaseName("ix_claims_recorded_at_id");

        // (proposition_id, stance, stated_on, id) serves a proposition's claims by stance, newest first
        // (the proposition page) and the candidate refresh's opposed-stance lookups; created in the
        // ScaleIndexes migration because EF cannot index a complex property's column.
        builder.HasIndex(c => c.AssertedById);
    }
}
