#pragma once
namespace Blinker
{
    public ref class PinDriver sealed
    {
    public:
        void Toggle(int pin);
    };
}
