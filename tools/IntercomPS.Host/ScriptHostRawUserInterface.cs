using System;
using System.Management.Automation.Host;

namespace IntercomPS.Host
{
    /// <summary>
    /// A fixed-size, colourless terminal: enough for the formatter to lay out tables as pwsh would in a
    /// 120-column window. Screen-buffer operations are not part of running scripts and say so.
    /// </summary>
    public sealed class ScriptHostRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; } = 1;
        public override Size BufferSize { get; set; } = new Size(120, 9999);
        public override Size WindowSize { get; set; } = new Size(120, 50);
        public override Size MaxWindowSize => WindowSize;
        public override Size MaxPhysicalWindowSize => WindowSize;
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "IntercomPS";

        public override void FlushInputBuffer() { }
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("This host reads whole lines, not keys.");
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("This host has no screen buffer.");
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException("This host has no screen buffer.");
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException("This host has no screen buffer.");
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException("This host has no screen buffer.");
    }
}
