namespace Example;

public static class App.xaml { }
