namespace IntercomPS.Client
{
    /// <summary>An answer that can tell whether it is really the object asked for, beyond being valid JSON.</summary>
    internal interface ICheckedAnswer
    {
        /// <summary>What makes this answer not the object asked for, or null when it is one.</summary>
        string? Problem { get; }
    }
}
