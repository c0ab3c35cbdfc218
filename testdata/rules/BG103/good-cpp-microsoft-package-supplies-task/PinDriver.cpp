#include "PinDriver.h"
void Blinker::PinDriver::Toggle(int pin) { digitalWrite(pin, !digitalRead(pin)); }
