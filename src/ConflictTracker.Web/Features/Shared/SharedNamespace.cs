using System.Diagnostics.CodeAnalysis;

// Features/Shared holds what more than one feature uses: the contracts (Created, ReasonInput,
// EntityRef, Loaded<T>, ConcurrencyConflictException), the authored context, FieldMerge, and how
// values read (Display, Reliability). "Shared" is a Visual Basic keyword, which would matter to a
// library called from VB; this app's types are not.
[assembly: SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Scope = "namespace",
    Target = "~N:ConflictTracker.Web.Features.Shared",
    Justification = "An application namespace, not a library consumed from Visual Basic."
)]
