namespace ConflictTracker.Domain.Common;

/// <summary>Upper bounds on text fields, shared by the domain rules, the EF mapping and the forms.</summary>
public static class MaxLengths
{
    public const int Name = 200;
    public const int Title = 500;
    public const int Url = 2048;
    public const int LanguageTag = 35;
    public const int Summary = 2000;
    public const int Quote = 10_000;
    public const int Note = 4000;
    public const int Locator = 200;
    public const int ContentHash = 64;
    public const int UserName = 256;
    public const int Role = 200;
    public const int ChangeReason = 500;
}
