namespace IntercomPS.Emulator.Storage;

/// <summary>What deleting a user (a 2.14 contact) removes: the user and everything that hangs off it, on either face.</summary>
internal static class UserRows
{
    public static void Delete(DbSession s, long seq) => s.Execute("""
        DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq);
        DELETE FROM conversation_states WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq);
        DELETE FROM threads WHERE user_seq = $seq;
        DELETE FROM notes WHERE user_seq = $seq;
        DELETE FROM user_tags WHERE user_seq = $seq;
        DELETE FROM contact_details WHERE user_seq = $seq;
        DELETE FROM events WHERE user_seq = $seq;
        DELETE FROM users WHERE seq = $seq;
        """, ("$seq", seq));
}
