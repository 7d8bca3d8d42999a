System.Console.WriteLine("IntercomPS emulator: under construction");
