/* GPIO0..15 through the W1TS/W1TC registers (the pin's IOMUX must select GPIO). */
#include "esp8266.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    (void)port;
    if (mode == 1) {
        GPIO_ENABLE_W1TS = 1u << pin;
    } else {
        GPIO_ENABLE_W1TC = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    (void)port;
    if (value) {
        GPIO_OUT_W1TS = 1u << pin;
    } else {
        GPIO_OUT_W1TC = 1u << pin;
    }
}

int gpio_read(uint32_t port, uint32_t pin) {
    (void)port;
    return (int)((GPIO_IN >> pin) & 1u);
}
