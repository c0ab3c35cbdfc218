namespace Example;

public static class SignIn { }
