/* CMSDK AHB GPIO: DATA reads the pins, DATAOUT drives them, OUTENSET/CLR pick outputs. */
#include "port.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    if (mode == 1) {
        CMSDK_GPIO_OUTENSET(port) = 1u << pin;
    } else {
        CMSDK_GPIO_OUTENCLR(port) = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    uint32_t out = CMSDK_GPIO_DATAOUT(port);
    CMSDK_GPIO_DATAOUT(port) = value ? out | (1u << pin) : out & ~(1u << pin);
}

int gpio_read(uint32_t port, uint32_t pin) {
    return (int)((CMSDK_GPIO_DATA(port) >> pin) & 1u);
}
