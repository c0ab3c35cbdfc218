using System;
using System.Windows.Forms;

namespace Desktop
{
    internal static class Program
    {
        [STAThread]
        private static void Main()
        {
            Application.EnableVisualStyles();
            Application.Run(new Form { Text = "Contoso Sync" });
        }
    }
}
